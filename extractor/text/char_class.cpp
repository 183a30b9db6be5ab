#include "text/char_class.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "base/span.h"

namespace kfacts::text {

namespace {

CharClass classify_by_properties(char32_t cp) {
    const auto c = static_cast<UChar32>(cp);
    if (quote_mark(cp).family != QuoteFamily::none) return CharClass::quote;
    if (cp == 0x2028 || cp == 0x2029 || cp == 0x85) return CharClass::newline;
    if (u_isUWhiteSpace(c)) return CharClass::space;
    switch (u_charType(c)) {
        case U_UPPERCASE_LETTER:
        case U_LOWERCASE_LETTER:
        case U_TITLECASE_LETTER:
        case U_MODIFIER_LETTER:
        case U_OTHER_LETTER:
        case U_DECIMAL_DIGIT_NUMBER:
        case U_LETTER_NUMBER: {
            UErrorCode status = U_ZERO_ERROR;
            switch (uscript_getScript(c, &status)) {
                case USCRIPT_HANGUL: return CharClass::hangul;
                case USCRIPT_LATIN: return CharClass::latin;
                case USCRIPT_HAN:
                case USCRIPT_HIRAGANA:
                case USCRIPT_KATAKANA: return CharClass::han;
                default: return CharClass::letter;
            }
        }
        case U_NON_SPACING_MARK:
        case U_ENCLOSING_MARK:
        case U_COMBINING_SPACING_MARK:
        case U_FORMAT_CHAR: return CharClass::mark;
        default: return CharClass::punct;
    }
}

}  // namespace

CodePoint classify_non_ascii(std::string_view s, std::size_t i) {
    char32_t cp;
    bool valid;
    const std::size_t length = utf8_sequence(s, i, cp, valid);
    return {cp, static_cast<std::uint8_t>(length), valid ? classify_by_properties(cp) : CharClass::punct};
}

CodePoint code_point_before(std::string_view s, std::size_t end) {
    std::size_t start = end - 1;
    // Back over at most three continuation bytes to the lead byte.
    while (start > 0 && end - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    CodePoint point = code_point_at(s, start);
    if (start + point.length != end) return {0xFFFD, 1, CharClass::punct};  // ill-formed
    return point;
}

QuoteMark quote_mark(char32_t cp) {
    switch (cp) {
        case U'"': return {QuoteFamily::ascii_double, true, true};
        case U'\'': return {QuoteFamily::ascii_single, true, true};
        case U'“': return {QuoteFamily::curly_double, true, false};
        case U'”': return {QuoteFamily::curly_double, false, true};
        case U'‘': return {QuoteFamily::curly_single, true, false};
        case U'’': return {QuoteFamily::curly_single, false, true};
        case U'「': return {QuoteFamily::corner, true, false};
        case U'」': return {QuoteFamily::corner, false, true};
        case U'『': return {QuoteFamily::white_corner, true, false};
        case U'』': return {QuoteFamily::white_corner, false, true};
        case U'《': return {QuoteFamily::double_angle, true, false};
        case U'》': return {QuoteFamily::double_angle, false, true};
        case U'〈': return {QuoteFamily::angle, true, false};
        case U'〉': return {QuoteFamily::angle, false, true};
        case U'«': return {QuoteFamily::guillemet, true, false};
        case U'»': return {QuoteFamily::guillemet, false, true};
        default: return {};
    }
}

}  // namespace kfacts::text
