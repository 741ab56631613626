// libFuzzer entry point for zip archives: any input gives members or a typed one-line error,
// never a trap; every member read stays within the limits (ArchiveLimits, small here so that
// the fuzzer reaches them), and nested zips never go deeper than allowed.
import Foundation

let fuzzLimits = ArchiveLimits(
    maxMemberBytes: 1 << 20, maxRatio: 50, ratioFloorBytes: 4_096, maxNestedZipBytes: 1 << 20,
    maxMembers: 1_000, maxDirectoryBytes: 1 << 20, maxIndexBytes: 1 << 16, maxNestingDepth: 1)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzZipArchive(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Data(bytes: data, count: size)
    let archive: ActivityArchive
    do {
        archive = try ActivityArchive(input, named: "fuzz.zip", limits: fuzzLimits)
    } catch {
        precondition(!error.description.contains("\n"), "a multi-line error")
        return 0
    }
    for warning in archive.warnings {
        precondition(warning.description.hasPrefix("fuzz.zip/"), "a warning without its member")
    }
    try? archive.forEachMember { member, read in
        precondition(member.path.hasPrefix("fuzz.zip/"), "a member path without the archive")
        precondition(member.path.lowercased().hasSuffix(".zip") || MemberKind(path: member.path) == .activity, "not an activity")
        do throws(ArchiveError) {
            let bytes = try read()
            precondition(bytes.count <= fuzzLimits.maxMemberBytes, "a member beyond the limit")
            precondition(Int64(bytes.count) == member.sizeBytes, "a member of another size than declared")
        } catch {
            precondition(error.member != nil, "a member error without the member")
        }
    }
    return 0
}
