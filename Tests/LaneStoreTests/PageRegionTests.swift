import CLaneSQLite
import PropertyBased
import Testing

/// The region SQLite's page cache takes its memory from in `lane` (`lane_sqlite_page_cache_in_large_pages`),
/// as values: any run of allocations, reallocations and frees keeps every live piece's bytes, gives each
/// its own memory, and hands out slots only for pieces of more than half a slot up to a whole one.
@Suite struct PageRegionTests {
    static let slot = 4_368  // a 4 KB page of the file and the page cache's header for it, as on Debian's SQLite 3.40
    static let slots = 24

    /// One step: what to do, to which live piece (by its place among the live ones), of what size.
    struct Step { let kind: Int; let which: Int; let size: Int }

    static let sizes = [1, 8, 100, 2_000, slot / 2, slot / 2 + 1, 4_096, slot - 8, slot - 1, slot, slot + 1, 8_000, 70_000]

    @Test func piecesKeepTheirBytesAndNeverShareMemory() async {
        let step = PropertyBased.zip(Gen.int(in: 0...9), Gen.int(in: 0...63), Gen<Int?>.element(of: Self.sizes))
            .map { Step(kind: $0, which: $1, size: $2 ?? 1) }
        for large in [Int32(0), 1] {
            await propertyCheck(count: 200, input: step.array(of: 1...160)) { steps in
                Self.run(steps, largePages: large)
            }
        }
    }

    /// A piece held: where, how many bytes were asked for, and the byte each of them holds.
    struct Piece { let address: UnsafeMutableRawPointer; let size: Int; let fill: UInt8 }

    static func run(_ steps: [Step], largePages: Int32) {
        guard let region = lane_page_region_create(Int32(slot), Int32(slots), largePages) else {
            // Large pages asked of a kernel without them: the region is refused, and `lane` uses malloc alone.
            #expect(largePages == 1)
            return
        }
        defer { lane_page_region_destroy(region) }
        var live: [Piece] = []
        var everHandedOut = Set<UnsafeMutableRawPointer>()
        var fill: UInt8 = 0
        func check(_ piece: Piece) {
            let bytes = piece.address.assumingMemoryBound(to: UInt8.self)
            for i in 0..<piece.size where bytes[i] != piece.fill {
                Issue.record("byte \(i) of a piece of \(piece.size) changed")
                return
            }
        }
        func made(_ address: UnsafeMutableRawPointer?, _ size: Int, keeping kept: Int, of old: Piece? = nil) {
            guard let address else { Issue.record("no memory for \(size) bytes"); return }
            #expect(Int(lane_page_region_size(region, address)) >= size)
            let inRegion = lane_page_region_contains(region, address) != 0
            if inRegion {
                // Only a piece about a slot's size; a slot's piece made smaller stays where it is.
                #expect((size > slot / 2 || address == old?.address) && size <= slot, "\(size) bytes in a slot")
                everHandedOut.insert(address)
                #expect(live.filter { $0.address == address }.isEmpty, "a slot handed out twice")
            } else if size > slot / 2 && size <= slot && old == nil {
                // malloc for a slot-sized piece only once every slot is taken.
                #expect(live.filter { lane_page_region_contains(region, $0.address) != 0 }.count == slots)
            }
            if let old {
                let bytes = address.assumingMemoryBound(to: UInt8.self)
                for i in 0..<kept where bytes[i] != old.fill {
                    Issue.record("byte \(i) lost when \(old.size) bytes became \(size)")
                    break
                }
            }
            fill &+= 1
            address.initializeMemory(as: UInt8.self, repeating: fill, count: size)
            live.append(Piece(address: address, size: size, fill: fill))
        }
        for step in steps {
            switch step.kind {
            case 0...4:
                made(lane_page_region_malloc(region, Int32(step.size)), step.size, keeping: 0)
            case 5...6 where !live.isEmpty:
                let old = live.remove(at: step.which % live.count)
                check(old)
                made(lane_page_region_realloc(region, old.address, Int32(step.size)), step.size,
                     keeping: min(old.size, step.size), of: old)
            case 7...9 where !live.isEmpty:
                let old = live.remove(at: step.which % live.count)
                check(old)
                lane_page_region_free(region, old.address)
            default:
                continue
            }
        }
        for piece in live { check(piece) }
        // Freed slots are handed out again: never more distinct slots than the region has.
        #expect(everHandedOut.count <= slots)
        for piece in live { lane_page_region_free(region, piece.address) }
    }

    @Test func aFreedSlotIsTheNextHandedOut() throws {
        let region = try #require(lane_page_region_create(Int32(Self.slot), 2, 0))
        defer { lane_page_region_destroy(region) }
        let a = try #require(lane_page_region_malloc(region, Int32(Self.slot)))
        let b = try #require(lane_page_region_malloc(region, Int32(Self.slot - 100)))
        #expect(lane_page_region_contains(region, a) != 0 && lane_page_region_contains(region, b) != 0)
        #expect(a.distance(to: b) == Self.slot)
        // Full: the next comes from malloc, and goes back to it.
        let c = try #require(lane_page_region_malloc(region, Int32(Self.slot)))
        #expect(lane_page_region_contains(region, c) == 0)
        lane_page_region_free(region, c)
        lane_page_region_free(region, a)
        #expect(lane_page_region_malloc(region, Int32(Self.slot)) == a)
        lane_page_region_free(region, a)
        lane_page_region_free(region, b)
    }
}
