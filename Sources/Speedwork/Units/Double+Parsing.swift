extension Double {
    /// Parses a number as a runner types it: digits with an optional decimal fraction (`38`,
    /// `38.5`, `.5`). Signs, exponents (`1e23`), hexadecimal (`0x1p3`), `inf`, `nan`, spaces and
    /// thousands separators are refused (nil), so every accepted text is a finite number that
    /// reads the way it is written.
    public init?(plainDecimal text: some StringProtocol) {
        var digits = 0
        var points = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."): points += 1
            default: return nil
            }
        }
        guard digits > 0, points <= 1, let value = Double(String(text)), value.isFinite else { return nil }
        self = value
    }

    /// Whether `text` is a plain decimal number with a leading minus sign (`-1`, `-0.5`), so that
    /// a message can say the value must be positive rather than that it is not a number.
    public static func isNegativePlainDecimal(_ text: some StringProtocol) -> Bool {
        let trimmed = text.drop { $0 == " " }
        return trimmed.first == "-" && Double(plainDecimal: trimmed.dropFirst()) != nil
    }
}
