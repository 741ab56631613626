extension String {
    /// The longest prefix of whole characters whose UTF-8 encoding fits in `maxBytes`, without
    /// trailing spaces: watch screens show short fixed-size FIT string fields, and a cut must never
    /// split a multi-byte sequence (FIT protocol: strings are null-terminated UTF-8).
    func truncatedUTF8(maxBytes: Int) -> String {
        guard utf8.count > maxBytes else { return self }
        var result = ""
        var used = 0
        for character in self {
            let size = character.utf8.count
            if used + size > maxBytes { break }
            result.append(character)
            used += size
        }
        while result.last?.isWhitespace == true { result.removeLast() }
        return result
    }
}
