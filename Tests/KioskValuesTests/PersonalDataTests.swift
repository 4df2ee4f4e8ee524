import KioskValues
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

import Crypto

struct MaskingTests {
    /// Should keep the first character and one '*' per remaining character
    @Test(arguments: [("张三", "张*"), ("欧阳娜娜", "欧***"), ("李䶮", "李*"), ("王", "王"), ("", ""), ("SMITH, JOHN", "S**********")])
    func maskedName(_ name: String, _ masked: String) {
        #expect(PersonalData.maskedName(name) == masked)
    }

    /// Should keep the first 6 and last 4 characters of an ID number
    @Test(arguments: [("530622199001010026", "530622********0026"), ("USA310080010112", "USA310*****0112"), ("12345", "*****")])
    func maskedIDNumber(_ number: String, _ masked: String) {
        #expect(PersonalData.maskedIDNumber(number) == masked)
    }

    /// Should give HMAC-SHA256 under the county's key (checked against Python's hmac), folding x to X
    @Test func linkingHash() {
        let key = SymmetricKey(data: Array("county-key-for-tests".utf8))
        #expect(PersonalData.linkingHash(ofIDNumber: "530622199001010012", key: key) == "9b9ae4d0917275c53981389dcfb5223c80e368995f54281bcb4ebcfcf728883d")
        #expect(PersonalData.linkingHash(ofIDNumber: "11010519491231002x", key: key) == "c9bdde8e13e5486fa304830840dba7e47d4dca5523e12a8f53e6a91f4302dcd0")
        #expect(PersonalData.linkingHash(ofIDNumber: "530622199001010012", key: SymmetricKey(data: Array("another".utf8))) != PersonalData.linkingHash(ofIDNumber: "530622199001010012", key: key))
    }
}

struct IDNumberTests {
    /// Should compute the spec's example check character: 11010119900101001 -> 5
    @Test func specExample() {
        #expect(IDNumber.problems("110101199001010015").isEmpty)
        #expect(IDNumber.problems("110101199001010016") == [.checksum])
    }

    /// Should notice a birth date that differs from the card's, an impossible date and an unknown province
    @Test func problems() {
        #expect(IDNumber.problems("530622199001010012", birthDate: "19900101").isEmpty)
        #expect(IDNumber.problems("530622199001010012", birthDate: "19900102") == [.birthDateMismatch])
        #expect(IDNumber.problems("530622199002300010").contains(.birthDate))
        #expect(IDNumber.problems("000622199001010012").contains(.regionCode))
        #expect(IDNumber.problems("5306221990") == [.length])
        #expect(IDNumber.problems("53062219900101001A") == [.characters])
    }

    /// Should parse only real calendar dates
    @Test func calendarDates() {
        #expect(CalendarDate(yyyymmdd: "20000229")?.description == "2000-02-29")
        #expect(CalendarDate(yyyymmdd: "19000229") == nil)
        #expect(CalendarDate(yyyymmdd: "2023130") == nil)
        #expect(CalendarDate(yyyymmdd: "长期") == nil)
        #expect(CalendarDate(yyyymmdd: "20231301") == nil)
    }
}
