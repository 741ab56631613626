/// A growable buffer of plain values the scanner reuses from tag to tag, with a stable base
/// address between growths (so callbacks get pointers, not copies). Freed with the scanner.
final class XMLScratch<Element: BitwiseCopyable> {
    // Only the scanner that owns the buffer touches it, one call at a time: no dynamic
    // exclusivity check is needed on these hot fields.
    @exclusivity(unchecked) private(set) var base: UnsafeMutablePointer<Element>
    @exclusivity(unchecked) private(set) var count = 0
    @exclusivity(unchecked) private var capacity: Int

    init(capacity: Int = 64) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    func removeAll() { count = 0 }

    @inline(__always)
    func append(_ element: Element) {
        if count == capacity { grow(to: count + 1) }
        base[count] = element
        count += 1
    }

    func append(_ elements: UnsafePointer<Element>, count more: Int) {
        if count + more > capacity { grow(to: count + more) }
        (base + count).update(from: elements, count: more)
        count += more
    }

    private func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let bigger = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = newCapacity
    }
}
