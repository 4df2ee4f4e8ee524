import KioskCore
import Testing

struct PersonalDataTests {
    /// Should accept numbers whose MOD 11-2 check character is right, including X and x
    @Test(arguments: ["11010519491231002X", "11010519491231002x", "530622199001010020", "440524188001010014"])
    func validNumbers(_ number: String) {
        // 530622199001010020: the weighted sum of the first 17 digits is 199; 199 % 11 = 1, whose check character is '0'.
        #expect(PersonalData.isResidentIDNumber(number))
    }

    /// Should reject a wrong check character, a wrong length and non-digits
    @Test(arguments: ["110105194912310021", "530622199001010026", "11010519491231002", "1101051949123100211", "11010519491231002Y", "1101051949123100A2X", "530622********0026"])
    func invalidNumbers(_ number: String) {
        #expect(!PersonalData.isResidentIDNumber(number))
    }

    /// Should find a full number inside JSON, and not a masked one or a longer digit run
    @Test func findsNumbersInText() {
        #expect(PersonalData.firstResidentIDNumber(in: #"{"id":"11010519491231002X","n":1}"#) == "11010519491231002X")
        #expect(PersonalData.firstResidentIDNumber(in: "card 530622199001010020.") == "530622199001010020")
        #expect(PersonalData.firstResidentIDNumber(in: #"{"id":"530622********0026"}"#) == nil)
        #expect(PersonalData.firstResidentIDNumber(in: "99530622199001010020") == nil)
        #expect(PersonalData.firstResidentIDNumber(in: "") == nil)
    }
}
