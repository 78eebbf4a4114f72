/// A libxml2 object that Swift owns, freed with the last reference to it: the tree of an
/// `XMLDocument`, the compiled schema of an `XMLSchema`.
///
/// Only for objects that are read-only once made, which is what makes sharing them across
/// threads safe.
final class LibXML2Object<Pointer>: @unchecked Sendable {
    let pointer: Pointer
    private let free: (Pointer) -> Void

    init(_ pointer: Pointer, free: @escaping (Pointer) -> Void) {
        self.pointer = pointer
        self.free = free
    }

    deinit { free(pointer) }
}
