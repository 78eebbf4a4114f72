import Crypto
import Foundation
import HummingbirdBcrypt
import PatuhCore

/// Who sees which unit: a unit's officer that unit (and its tenants, for an MPP), the pemda's
/// officer every unit registered in the pemda's region (and its kecamatan), an Ombudsman
/// assessor every unit of the province.
public enum Access {
    /// True when `account` may see and export `unit`.
    public static func sees(_ account: Account, _ unit: ServiceUnit, in registry: Registry) -> Bool {
        switch account.role {
        case .unit:
            return unit.id == account.scope || unit.parentID == account.scope
        case .pemda:
            if unit.regionCode == account.scope { return true }
            guard unit.regionCode.hasPrefix(account.scope + "."), let region = registry.region(unit.regionCode) else {
                return false
            }
            return region.level == .kecamatan
        case .assessor:
            return unit.regionCode == account.scope || unit.regionCode.hasPrefix(account.scope + ".")
        }
    }

    /// Why `scope` does not fit `role` in `registry`, or nil when it does.
    public static func scopeProblem(role: Role, scope: String, registry: Registry) -> String? {
        switch role {
        case .unit:
            return registry.unit(scope) == nil ? "no unit '\(scope)' in the registry / unit tidak ada di registri" : nil
        case .pemda:
            guard let region = registry.region(scope), [.provinsi, .kabupaten, .kota].contains(region.level) else {
                return "'\(scope)' is not a provinsi, kabupaten or kota of the registry / bukan pemda di registri"
            }
            return nil
        case .assessor:
            guard let region = registry.region(scope), region.level == .provinsi else {
                return "'\(scope)' is not a provinsi of the registry / bukan provinsi di registri"
            }
            return nil
        }
    }

    /// The realm of the digest authentication ODK Collect answers.
    public static let realm = "patuh"

    /// A new account with its password hashed by bcrypt (`cost` 2^cost rounds) and the
    /// digest-authentication HA1 ODK Collect needs.
    public static func account(name: String, role: Role, scope: String, password: String, cost: UInt8 = 12) -> Account {
        Account(
            name: name, role: role, scope: scope, passwordHash: Bcrypt.hash(password, cost: cost),
            digestHA1: md5Hex("\(name):\(realm):\(password)"))
    }

    /// True for an account name the store and the digest header can carry.
    public static func isName(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.count <= 64
            && s.unicodeScalars.allSatisfy {
                ($0.properties.isAlphabetic && $0.isASCII) || ("0"..."9").contains($0) || $0 == "." || $0 == "_"
                    || $0 == "-" || $0 == "@"
            }
    }

    static func md5Hex(_ s: String) -> String {
        Insecure.MD5.hash(data: Data(s.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
