/// The attributes of the start tag being read, looked up by local name (namespace prefixes are
/// ignored, as the formats' attributes carry none).
struct XMLAttributes {
    /// Per attribute: the local name's and the value's ranges, in `names` and `values` bases.
    let items: UnsafeBufferPointer<XMLScanner.Attribute>
    let names: UnsafeRawPointer
    let values: UnsafeRawPointer
    let decodedValues: UnsafeRawPointer?

    /// The value of the attribute whose local name is `name`, or nil.
    func value(_ name: StaticString) -> XMLText? {
        for item in items {
            let itemName = UnsafeRawBufferPointer(start: names + item.nameStart, count: item.nameCount)
            guard XMLBytes.equal(itemName, name) else { continue }
            let base = item.decoded ? decodedValues! : values
            return XMLText(bytes: UnsafeRawBufferPointer(start: base + item.valueStart, count: item.valueCount))
        }
        return nil
    }
}
