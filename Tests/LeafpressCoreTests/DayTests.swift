import Testing
import LeafpressCore

@Suite("Day")
struct DayTests {
    @Test func parsesISODate() throws {
        let day = try #require(Day("2026-09-14"))
        #expect(day.year == 2026)
        #expect(day.month == 9)
        #expect(day.day == 14)
    }

    @Test func februaryTwentyNinthOnlyInLeapYears() {
        #expect(Day("2026-02-29") == nil)
        #expect(Day("2028-02-29") != nil)
        #expect(Day("1900-02-29") == nil)
        #expect(Day("2000-02-29") != nil)
    }

    @Test(arguments: ["2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "0000-01-01"])
    func impossibleDatesAreRejected(text: String) {
        #expect(Day(text) == nil)
    }

    @Test(arguments: ["2026-9-14", "26-09-14", "2026/09/14", "2026-09-14T00:00", " 2026-09-14", "2026-09-1x",
                      "２０２６-09-14", "+026-09-14", ""])
    func otherShapesAreRejected(text: String) {
        #expect(Day(text) == nil)
    }

    @Test func memberwiseInitValidates() {
        #expect(Day(year: 2026, month: 2, day: 29) == nil)
        #expect(Day(year: 2024, month: 2, day: 29) != nil)
        #expect(Day(year: 10000, month: 1, day: 1) == nil)
    }

    @Test func descriptionIsZeroPadded() {
        #expect(Day(year: 5, month: 3, day: 7)?.description == "0005-03-07")
        #expect(Day(year: 2026, month: 11, day: 30)?.description == "2026-11-30")
    }

    @Test func descriptionRoundTrips() {
        #expect(Day("0987-06-05")?.description == "0987-06-05")
    }

    @Test func daysAreOrderedByCalendar() throws {
        let a = try #require(Day("2026-12-31"))
        let b = try #require(Day("2027-01-01"))
        let c = try #require(Day("2027-01-02"))
        #expect(a < b)
        #expect(b < c)
        #expect(!(c < a))
    }
}
