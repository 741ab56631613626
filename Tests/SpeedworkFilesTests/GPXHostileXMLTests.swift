import Foundation
import Speedwork
import SpeedworkTestSupport
import Testing
@testable import SpeedworkFiles

/// Hand-made reproducers of the XML that Foundation's parser trapped on, refused or misread:
/// invalid UTF-8, declared 8-bit encodings, comments with ">", DTDs, entities, CDATA, files over
/// 10 MB and truncated files. Each asserts the exact values read or the typed error and where.
@Suite("GPX and TCX: hostile and unusual XML")
struct GPXHostileXMLTests {
    /// A GPX 1.1 track of two points around `body` (inserted before the first point).
    static func gpx(prolog: String = "<?xml version=\"1.0\"?>\n", before: String = "", inside: String = "") -> String {
        prolog + before + """
            <gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">
            <trk><type>running</type>\(inside)<trkseg>
            <trkpt lat="46.0" lon="14.0"><ele>300</ele><time>2024-05-01T07:30:00Z</time></trkpt>
            <trkpt lat="46.001" lon="14.0"><ele>301</ele><time>2024-05-01T07:30:30Z</time></trkpt>
            </trkseg></trk>
            </gpx>
            """
    }

    static func read(_ bytes: [UInt8]) throws(ActivityFileError) -> [Activity] {
        try ActivityFile.read(Data(bytes))
    }

    static func malformed(_ bytes: [UInt8]) throws -> (line: Int, column: Int, element: String?, reason: String) {
        let error = try #require(#expect(throws: ActivityFileError.self) { try read(bytes) })
        guard case .malformedXML(let line, let column, let element, let reason) = error.problem else {
            Issue.record("expected malformed XML, got \(error)")
            return (0, 0, nil, "")
        }
        return (line, column, element, reason)
    }

    // MARK: Invalid UTF-8 (each trapped inside Foundation's XMLParser)

    @Test func latin1CommentWithoutDeclarationIsATypedError() throws {
        // "Café" written in ISO-8859-1 (é = 0xE9) with no encoding declaration: not UTF-8.
        let text = Self.gpx(before: "<!-- Caf\u{1}-->\n")
        var bytes = Array(text.utf8)
        bytes[bytes.firstIndex(of: 0x01)!] = 0xE9
        let error = try Self.malformed(bytes)
        // Line 2 is "<!-- Caf", eight characters, then the bad byte.
        #expect(error.line == 2 && error.column == 9)
        #expect(error.reason.hasPrefix("invalid UTF-8 byte 0xE9"))
    }

    @Test func invalidUTF8InElementAndAttributeNamesIsATypedError() throws {
        // An element name with a lone 0xFF inside an extension: line 3 is
        // "<trk><type>running</type><extensions><na" (40 characters), then the bad byte.
        var element = Array(Self.gpx(inside: "<extensions><na\u{1}me/></extensions>").utf8)
        element[element.firstIndex(of: 0x01)!] = 0xFF
        let inElement = try Self.malformed(element)
        #expect(inElement.line == 3 && inElement.column == 41)
        #expect(inElement.reason.hasPrefix("invalid UTF-8 byte 0xFF"))
        // An attribute name with 0xC3 followed by an ASCII byte (a lead byte without its
        // continuation), line 4 column 9.
        let text = Self.gpx().replacingOccurrences(of: "<trkpt lat=\"46.0\"", with: "<trkpt l\u{1}at=\"46.0\"")
        var attribute = Array(text.utf8)
        attribute[attribute.firstIndex(of: 0x01)!] = 0xC3
        let inAttribute = try Self.malformed(attribute)
        #expect(inAttribute.line == 4 && inAttribute.column == 9)
        #expect(inAttribute.reason.hasPrefix("invalid UTF-8 byte 0xC3"))
        // Overlong "/" (C0 AF) and an encoded surrogate (ED A0 80) are not UTF-8 either.
        for bad: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]] {
            let bytes = Array("<gpx><!-- ".utf8) + bad + Array(" --></gpx>".utf8)
            let error = try Self.malformed(bytes)
            #expect(error.line == 1 && error.column == 11)
        }
    }

    @Test func validNonASCIIUTF8IsRead() throws {
        let text = Self.gpx(before: "<!-- Café, Škofja Loka, 東京, 🏃 -->\n", inside: "<name>Tek čez Šmarno goro</name>")
        let activity = try #require(try Self.read(Array(text.utf8)).first)
        #expect(activity.samples.count == 2)
    }

    // MARK: Declared encodings

    @Test func iso88591DeclaredFileWithANonASCIINameIsRead() throws {
        let text = TCXReaderTests.tcx
            .replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"ISO-8859-1\"")
            .replacingOccurrences(of: "Forerunner 265", with: "Montre de Zoé\u{1}")
        var bytes = Array(text.utf8)
        // Zoé in Latin-1: one byte 0xE9 for é; the marker byte becomes 0xB0 (degree sign).
        let e = bytes.firstIndex(of: 0xC3)!
        bytes.replaceSubrange(e...(e + 1), with: [0xE9])
        bytes[bytes.firstIndex(of: 0x01)!] = 0xB0
        let activity = try #require(try Self.read(bytes).first)
        #expect(activity.device == "Montre de Zoé°")
        #expect(activity.samples.count == 3)
        #expect(activity.sport == "running")
    }

    @Test func windows1252DeclaredFileMapsItsHighBytes() throws {
        let text = TCXReaderTests.tcx
            .replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"windows-1252\"")
            .replacingOccurrences(of: "Forerunner 265", with: "Watch \u{1}99")
        var bytes = Array(text.utf8)
        bytes[bytes.firstIndex(of: 0x01)!] = 0x80  // the euro sign in windows-1252
        #expect(try Self.read(bytes).first?.device == "Watch €99")
    }

    @Test func utf8ByteOrderMarkAndUTF16AreRead() throws {
        let plain = try GPXReader().read(Data(Self.gpx().utf8))
        #expect(try Self.read([0xEF, 0xBB, 0xBF] + Array(Self.gpx().utf8)) == plain)
        let utf16 = Self.gpx().replacingOccurrences(of: "<?xml version=\"1.0\"?>", with: "<?xml version=\"1.0\" encoding=\"UTF-16\"?>")
        let little: [UInt8] = [0xFF, 0xFE] + utf16.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + utf16.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(ActivityFile.format(of: Data(little)) == .gpx)
        #expect(try Self.read(little) == plain)
        #expect(try Self.read(big) == plain)
    }

    @Test func anUnsupportedEncodingIsNamed() throws {
        let text = Self.gpx(prolog: "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\n")
        let error = try Self.malformed(Array(text.utf8))
        #expect(error.reason == "encoding \"Shift_JIS\" is not supported (UTF-8, UTF-16, ISO-8859-1 or windows-1252)")
        #expect(error.line == 1)
    }

    // MARK: Markup the old reader refused

    @Test func commentsWithGreaterThanAndProcessingInstructionsAreSkipped() throws {
        let text = Self.gpx(
            before: "<!-- exported > from a watch -> GPX --><?xml-stylesheet href=\"a.xsl\"?>\n",
            inside: "<!-- <trkseg> in a comment is not a segment --><?pi > ?>")
        #expect(ActivityFile.format(of: Data(text.utf8)) == .gpx)
        let activity = try #require(try Self.read(Array(text.utf8)).first)
        #expect(activity.samples.map(\.altitude) == [300, 301])
        #expect(activity.laps.isEmpty)
    }

    @Test func anInternalDTDBeforeTheRootIsSkippedAndItsEntitiesNeverLoaded() throws {
        let dtd = """
            <!DOCTYPE gpx [
              <!-- a comment with > and ] inside -->
              <!ENTITY local "<trkpt lat='1' lon='1'/>">
              <!ENTITY secret SYSTEM "file:///etc/passwd">
              <!ATTLIST trkpt note CDATA "a > b">
            ]>

            """
        let text = Self.gpx(before: dtd, inside: "<name>&secret;</name>")
        #expect(ActivityFile.format(of: Data(text.utf8)) == .gpx)
        let activity = try #require(try Self.read(Array(text.utf8)).first)
        #expect(activity.samples.count == 2)
        // An entity where a value is read is refused, never expanded or fetched.
        let used = Self.gpx(before: dtd).replacingOccurrences(of: "<ele>300</ele>", with: "<ele>&secret;</ele>")
        let error = try Self.malformed(Array(used.utf8))
        #expect(error.reason == "unknown entity &secret; (only &amp; &lt; &gt; &quot; &apos; are predefined)")
        #expect(error.line == 10 && error.element == "ele")
    }

    @Test func referencesCDATAAndSplitTextGiveTheValueWritten() throws {
        let text = Self.gpx()
            .replacingOccurrences(of: "<ele>300</ele>", with: "<ele>3&#48;&#x30;.<![CDATA[5]]>0</ele>")
            .replacingOccurrences(of: "<ele>301</ele>", with: "<ele> 30<!-- one -->1<?pi?>.25 </ele>")
            .replacingOccurrences(of: "lat=\"46.001\"", with: "lat='&#52;6.001'")
        let activity = try #require(try Self.read(Array(text.utf8)).first)
        #expect(activity.samples.map(\.altitude) == [300.5, 301.25])
        #expect(activity.samples[1].latitude == 46.001)
        let tcx = TCXReaderTests.tcx.replacingOccurrences(of: "Forerunner 265", with: "A&amp;B &lt;C&gt; &#x1F3C3; <![CDATA[&amp;]]>")
        #expect(try TCXReader().read(Data(tcx.utf8)).first?.device == "A&B <C> 🏃 &amp;")
    }

    @Test func aCharacterReferenceXMLForbidsIsAnError() throws {
        let text = Self.gpx().replacingOccurrences(of: "<ele>300</ele>", with: "<ele>&#0;</ele>")
        let error = try Self.malformed(Array(text.utf8))
        #expect(error.reason == "&#0; is not a character XML allows")
        // Line 4: "<trkpt lat="46.0" lon="14.0"><ele>" is 34 characters, then "&".
        #expect(error.line == 4 && error.column == 35)
    }

    /// Found by the gpx-reader fuzz target: a value with a line break inside made a two-line
    /// message. Values are shown on one line and shortened.
    @Test func badValuesAreShownOnOneLineAndShortened() throws {
        let broken = Self.gpx().replacingOccurrences(of: "<ele>300</ele>", with: "<ele>3\n\u{1B}[31m00</ele>")
        let error = try #require(#expect(throws: ActivityFileError.self) { try Self.read(Array(broken.utf8)) })
        guard case .invalidValue(_, _, "ele", _, let found) = error.problem else {
            Issue.record("\(error)")
            return
        }
        #expect(found == "3 [31m00")
        let long = Self.gpx().replacingOccurrences(of: "<ele>300</ele>", with: "<ele>" + String(repeating: "9x", count: 5000) + "</ele>")
        let longError = try #require(#expect(throws: ActivityFileError.self) { try Self.read(Array(long.utf8)) })
        guard case .invalidValue(_, _, _, _, let shortened) = longError.problem else { return }
        #expect(shortened == String(repeating: "9x", count: 20) + "…")
        let name = "<gpx><" + String(repeating: "n", count: 100_000) + "></gpx>"
        let nameError = try Self.malformed(Array(name.utf8))
        #expect(nameError.reason == "expected the closing tag </" + String(repeating: "n", count: 40) + "…>")
    }

    // MARK: Size and truncation

    /// 60,000 points 0.0001° apart along the meridian 14° E, one a second: over 10 MB, which
    /// Foundation's parser refused. Along a meridian the haversine distance is R·Δφ, so the total
    /// is known without the reader's own formula.
    @Test func aGPXOverTenMegabytesIsReadInFull() throws {
        let count = 60_000
        var bytes = Array(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\" creator=\"test\" "
            + "xmlns=\"http://www.topografix.com/GPX/1/1\" xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\">\n"
            + "<trk><type>running</type><trkseg>\n").utf8)
        bytes.reserveCapacity(count * 200)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        for k in 0..<count {
            // 45 + k/10000 degrees, written out exactly: 45.0000, 45.0001, …
            let latitude = "\(45 + k / 10_000).\(String(10_000 + k % 10_000).dropFirst())"
            let time = "2024-05-01T\(two(7 + k / 3600)):\(two(k / 60 % 60)):\(two(k % 60))Z"
            bytes += "  <trkpt lat=\"\(latitude)\" lon=\"14.0\">\n    <ele>\(k % 100)</ele>\n    <time>\(time)</time>\n".utf8
            bytes += "    <extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>\(120 + k % 50)</gpxtpx:hr>".utf8
            bytes += "</gpxtpx:TrackPointExtension></extensions>\n  </trkpt>\n".utf8
        }
        bytes += "</trkseg></trk>\n</gpx>\n".utf8
        let data = Data(bytes)
        #expect(data.count > 10_000_000)
        let activity = try #require(try ActivityFile.read(data).first)
        #expect(activity.samples.count == count)
        #expect(activity.samples.last?.seconds == Double(count - 1))
        #expect(activity.samples.last?.altitude == Double((count - 1) % 100))
        #expect(activity.samples.last?.heartRate == Double(120 + (count - 1) % 50))
        let meters = 6_371_008.8 * Double.pi / 180 * Double(count - 1) / 10_000
        #expect(abs(try #require(activity.samples.last?.meters) - meters) < 1e-6 * meters)
    }

    @Test func aTruncatedFileSaysWhereItEnds() throws {
        let text = Self.gpx()
        // Cut inside the first point's <ele>, after "<trkpt lat="46.0" lon="14.0"><ele>30" (36
        // characters of line 4): the open element is named, at the end of the text.
        let cut = text.range(of: "<ele>30")!.upperBound
        let error = try Self.malformed(Array(text[..<cut].utf8))
        #expect(error.element == "ele" && error.reason == "document ends before </ele>")
        #expect(error.line == 4 && error.column == 37)
        // Cut inside a tag.
        let inTag = text.range(of: "<trkpt lat=\"46.0")!.upperBound
        let tagError = try Self.malformed(Array(text[..<inTag].utf8))
        #expect(tagError.reason == "the value of attribute lat is not closed" && tagError.line == 4)
        // Cut after the XML declaration only.
        #expect(try Self.malformed(Array("<?xml version=\"1.0\"?>\n<gpx".utf8)).reason == "document ends inside the tag <gpx>")
    }

    @Test func contentOutsideTheRootAndStrayClosingTagsAreErrors() throws {
        #expect(try Self.malformed(Array((Self.gpx() + "<gpx/>").utf8)).reason == "content after the root element")
        #expect(try Self.malformed(Array((Self.gpx() + " trailing").utf8)).reason == "text after the root element")
        let stray = try Self.malformed(Array("<gpx></trk></gpx>".utf8))
        #expect(stray.reason == "expected the closing tag </gpx>" && stray.column == 6)
        let unquoted = try Self.malformed(Array("<gpx><trk><trkseg><trkpt lat=46 lon=14/></trkseg></trk></gpx>".utf8))
        #expect(unquoted.reason == "the value of attribute lat must be quoted")
    }
}
