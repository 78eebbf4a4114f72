import Mustache

extension PageTemplates {
    /// `name` rendered by swift-mustache from the same template sources: the slow path the
    /// tests compare `render` with.
    static func referenceRender(_ sources: [(name: String, source: String)], _ name: String, _ context: Any) throws
        -> String
    {
        var library = MustacheLibrary()
        for (name, source) in sources { library.register(try MustacheTemplate(string: source), named: name) }
        return library.render(context, withTemplate: name) ?? ""
    }
}
