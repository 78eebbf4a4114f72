import Foundation

/// The system's error numbers in both languages: `strerror` speaks only English (the C
/// locale), and the people reading Patuh's messages mostly read Indonesian. Words only, no
/// I/O: every layer that meets a failed system call says it the same way.
public enum SystemError {
    /// What `code` (an `errno` value) means, in Indonesian and English.
    public static func wording(_ code: Int32) -> Wording {
        let english = String(cString: strerror(code))
        switch code {
        case ENOENT: return Wording(id: "berkas atau folder itu tidak ada", en: english)
        case EACCES: return Wording(id: "izin ditolak", en: english)
        case EPERM: return Wording(id: "tindakan tidak diizinkan", en: english)
        case EISDIR: return Wording(id: "ini sebuah folder", en: english)
        case ENOTDIR: return Wording(id: "salah satu bagian jalurnya bukan folder", en: english)
        case ELOOP:
            return Wording(
                id: "terlalu banyak tautan simbolik (tautan yang melingkar?)",
                en: "too many levels of symbolic links (a symlink loop?)")
        case ENAMETOOLONG: return Wording(id: "nama berkas terlalu panjang", en: english)
        case EIO: return Wording(id: "galat baca/tulis pada disk", en: english)
        case ENOSPC: return Wording(id: "disk penuh", en: english)
        case EDQUOT: return Wording(id: "kuota disk habis", en: english)
        case EMFILE, ENFILE: return Wording(id: "terlalu banyak berkas terbuka", en: english)
        case ENOMEM: return Wording(id: "memori tidak cukup", en: english)
        case EROFS: return Wording(id: "sistem berkas hanya dapat dibaca", en: english)
        case EEXIST: return Wording(id: "sudah ada", en: english)
        case ENOTEMPTY: return Wording(id: "folder tidak kosong", en: english)
        case EXDEV: return Wording(id: "berada di sistem berkas lain", en: english)
        case EAGAIN: return Wording(id: "untuk sementara tidak tersedia; coba lagi", en: english)
        case EBUSY: return Wording(id: "sedang dipakai", en: english)
        case EINVAL: return Wording(id: "argumen tidak sah", en: english)
        default: return Wording(id: "galat sistem \(code) (\(english))", en: english)
        }
    }

    /// `errno` as it is now, in both languages.
    public static var current: Wording { wording(errno) }
}
