/// XML qualified names (Namespaces in XML 1.0, section 4): `gpxtpx:hr` has the local part `hr`.
enum XMLName {
    /// The part after the last colon, the whole name when there is none.
    static func local(_ qualified: String) -> String {
        guard let colon = qualified.lastIndex(of: ":") else { return qualified }
        return String(qualified[qualified.index(after: colon)...])
    }
}
