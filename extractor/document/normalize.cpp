// normalize_text: one pass over the original bytes that decodes UTF-8 and
// entities, folds line ends, drops invisible characters and applies NFKC,
// recording every change in the OffsetMap as it goes.
//
// Code points are gathered into NFKC segments: a segment starts at a code
// point that has a normalisation boundary before it and takes the code points
// after it that may combine with it. A segment is copied when its bytes are
// already normalised, else replaced as a whole by its normalised form. ASCII
// and precomposed Hangul syllables (nearly all of a Korean article) are
// segments of their own that never change, so they are copied in runs without
// asking ICU.
#include <array>
#include <cstdint>
#include <cstring>
#include <map>
#include <stdexcept>

#include <fmt/format.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "base/span.h"
#include "document/html_entities.h"
#include "document/normalized_text.h"

namespace kfacts {

namespace {

// Beyond this many diagnostics of one code in one document, the rest are only
// counted, and one summary says how many were left out.
constexpr std::size_t kMaxDiagnosticsPerCode = 20;
constexpr char32_t kReplacementCharacter = 0xFFFD;
constexpr char32_t kByteOrderMark = 0xFEFF;

const icu::Normalizer2& nfkc() {
    static const icu::Normalizer2* const instance = [] {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
        if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU NFKC data unavailable: ") + u_errorName(status));
        return n;
    }();
    return *instance;
}

// Invisible characters that would break matching ("A\u200BI" is "AI").
bool is_zero_width(char32_t cp) {
    return (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0x00AD;
}

// Direction controls reorder what a reader sees without changing the bytes.
bool is_bidi_control(char32_t cp) {
    return cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

// SWAR tests on eight bytes at once (all bytes known to be below 0x80).
constexpr std::uint64_t kOnes = 0x0101010101010101ull;
constexpr std::uint64_t kHighBits = 0x8080808080808080ull;
inline bool has_zero_byte(std::uint64_t w) { return ((w - kOnes) & ~w & kHighBits) != 0; }
inline bool has_byte(std::uint64_t w, unsigned char b) { return has_zero_byte(w ^ (kOnes * b)); }

// ASCII bytes the fast path must not copy: they start an entity, a line end
// to fold, or a NUL to report.
inline bool is_special_ascii(unsigned char b) { return b == '&' || b == '\r' || b == '\0'; }

// Precomposed Hangul syllable U+AC00..U+D7A3 at s[i], or 0 if not one.
inline std::size_t hangul_syllable_length(const unsigned char* s, std::size_t i, std::size_t end) {
    const unsigned char b0 = s[i];
    if (b0 < 0xEA || b0 > 0xED || i + 3 > end) return 0;
    const unsigned char b1 = s[i + 1], b2 = s[i + 2];
    if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return 0;
    const char32_t cp = (char32_t(b0 & 0x0F) << 12) | (char32_t(b1 & 0x3F) << 6) | char32_t(b2 & 0x3F);
    return is_hangul_syllable(cp) ? 3 : 0;
}

// Collects the diagnostics of one document: adjacent problems of one kind
// (a run of invalid bytes, of bidi controls) become one diagnostic, and each
// code is capped at kMaxDiagnosticsPerCode.
class DiagnosticCollector {
public:
    DiagnosticCollector(std::string_view source, std::vector<Diagnostic>& out) : source_(source), out_(out) {}

    void note(DiagnosticCode code, std::size_t start, std::size_t end) {
        const bool coalesces = code != DiagnosticCode::entity_invalid && code != DiagnosticCode::entity_unknown;
        if (open_ && coalesces && run_code_ == code && run_end_ == start) {
            run_end_ = end;
            ++run_count_;
            return;
        }
        close_run();
        open_ = true;
        run_code_ = code;
        run_start_ = start;
        run_end_ = end;
        run_count_ = 1;
    }

    void finish() {
        close_run();
        for (const auto& [code, count] : counts_) {
            if (count <= kMaxDiagnosticsPerCode) continue;
            out_.push_back({severity_of(code), code,
                            fmt::format("{} more {} problems in this document not reported one by one",
                                        count - kMaxDiagnosticsPerCode, code_name(code)),
                            std::nullopt});
        }
    }

private:
    static Severity severity_of(DiagnosticCode code) {
        return code == DiagnosticCode::entity_unknown ? Severity::info : Severity::warning;
    }

    std::string_view quoted(std::size_t start, std::size_t end) const {
        constexpr std::size_t kMaxQuoted = 40;
        return source_.substr(start, std::min(end - start, kMaxQuoted));
    }

    void close_run() {
        if (!open_) return;
        open_ = false;
        if (++counts_[run_code_] > kMaxDiagnosticsPerCode) return;
        std::string message;
        switch (run_code_) {
            case DiagnosticCode::utf8_invalid:
                message = fmt::format("invalid UTF-8 at byte {}: {} byte(s) replaced by {} U+FFFD", run_start_,
                                      run_end_ - run_start_, run_count_);
                break;
            case DiagnosticCode::utf8_bom:
                message = fmt::format("byte order mark at byte {} removed", run_start_);
                break;
            case DiagnosticCode::text_nul:
                message = fmt::format("{} NUL byte(s) at byte {} replaced by spaces", run_count_, run_start_);
                break;
            case DiagnosticCode::text_bidi_control:
                message = fmt::format(
                    "{} bidirectional control character(s) at byte {} removed: they can make what a reader sees "
                    "differ from the bytes",
                    run_count_, run_start_);
                break;
            case DiagnosticCode::entity_invalid:
                message = fmt::format("character reference {} at byte {} names no usable character; replaced by U+FFFD",
                                      quoted(run_start_, run_end_), run_start_);
                break;
            case DiagnosticCode::entity_unknown:
                message = fmt::format("unknown entity {} at byte {} left as written", quoted(run_start_, run_end_),
                                      run_start_);
                break;
            default:
                message = std::string(code_name(run_code_));
                break;
        }
        out_.push_back({severity_of(run_code_), run_code_, std::move(message), ByteSpan{run_start_, run_end_}});
    }

    std::string_view source_;
    std::vector<Diagnostic>& out_;
    std::map<DiagnosticCode, std::size_t> counts_;
    bool open_ = false;
    DiagnosticCode run_code_ = DiagnosticCode::utf8_invalid;
    std::size_t run_start_ = 0;
    std::size_t run_end_ = 0;
    std::size_t run_count_ = 0;
};

class Normalizer {
public:
    Normalizer(std::string_view source, std::size_t begin, std::size_t end, std::vector<Diagnostic>& diagnostics)
        : source_(source.substr(0, end)),
          bytes_(reinterpret_cast<const unsigned char*>(source.data())),
          begin_(begin),
          end_(end),
          entities_(html_entities()),
          nfkc_(nfkc()),
          diagnostics_(source, diagnostics) {}

    NormalizedText run() {
        out_.text.reserve(end_ - begin_);
        std::size_t i = begin_;
        // A byte order mark opening the input says how it is encoded, nothing more.
        if (i == 0 && end_ >= 3 && std::memcmp(bytes_, "\xEF\xBB\xBF", 3) == 0) i = 3;
        while (i < end_) {
            i = copy_fast_run(i);
            if (i < end_) i = read_one(i);
        }
        flush_segment();
        diagnostics_.finish();
        return std::move(out_);
    }

private:
    // Copies the run of plain ASCII and Hangul syllables at i, returns its end.
    // The run's last code point opens the next segment instead, since a
    // combining character after the run may still change it.
    std::size_t copy_fast_run(std::size_t i) {
        const std::size_t start = i;
        while (i < end_) {
            // Eight ASCII bytes at a time; Hangul text skips the attempt.
            while (bytes_[i] < 0x80 && i + 8 <= end_) {
                std::uint64_t w;
                std::memcpy(&w, bytes_ + i, 8);
                if ((w & kHighBits) || has_zero_byte(w) || has_byte(w, '&') || has_byte(w, '\r')) break;
                i += 8;
            }
            if (i >= end_) break;
            const unsigned char b = bytes_[i];
            if (b < 0x80) {
                if (is_special_ascii(b)) break;
                ++i;
                continue;
            }
            const std::size_t length = hangul_syllable_length(bytes_, i, end_);
            if (length == 0) break;
            i += length;
        }
        if (i == start) return i;
        flush_segment();
        const std::size_t last = bytes_[i - 1] < 0x80 ? i - 1 : i - 3;
        if (last > start) {
            out_.map.add_copy(out_.text.size(), start, last - start);
            out_.text.append(source_.data() + start, last - start);
        }
        start_segment(last);
        segment_.append(static_cast<UChar32>(decode_fast(last)));
        segment_source_end_ = i;
        return i;
    }

    char32_t decode_fast(std::size_t at) const {
        const unsigned char b0 = bytes_[at];
        if (b0 < 0x80) return b0;
        return (char32_t(b0 & 0x0F) << 12) | (char32_t(bytes_[at + 1] & 0x3F) << 6) | char32_t(bytes_[at + 2] & 0x3F);
    }

    // Handles the code point, entity or line end at i; returns where the next starts.
    std::size_t read_one(std::size_t i) {
        const unsigned char b = bytes_[i];
        if (b == '&') return read_ampersand(i);
        if (b == '\r') {
            const std::size_t length = i + 1 < end_ && bytes_[i + 1] == '\n' ? 2 : 1;
            add(U'\n', i, i + length, false);
            return i + length;
        }
        if (b == '\0') {
            diagnostics_.note(DiagnosticCode::text_nul, i, i + 1);
            add(U' ', i, i + 1, false);
            return i + 1;
        }
        char32_t cp;
        bool valid;
        const std::size_t length = utf8_sequence(source_, i, cp, valid);
        if (!valid) {
            out_.source_had_invalid_utf8 = true;
            diagnostics_.note(DiagnosticCode::utf8_invalid, i, i + length);
            add(kReplacementCharacter, i, i + length, false);
        } else {
            add_decoded(cp, i, i + length, true);
        }
        return i + length;
    }

    std::size_t read_ampersand(std::size_t i) {
        const EntityReference ref = entities_.read(source_, i);
        switch (ref.kind) {
            case EntityReference::Kind::none:
                add(U'&', i, i + 1, true);
                return i + 1;
            case EntityReference::Kind::unknown:
                diagnostics_.note(DiagnosticCode::entity_unknown, i, i + ref.length);
                add(U'&', i, i + 1, true);
                return i + 1;
            case EntityReference::Kind::invalid:
                diagnostics_.note(DiagnosticCode::entity_invalid, i, i + ref.length);
                add(kReplacementCharacter, i, i + ref.length, false);
                return i + ref.length;
            case EntityReference::Kind::decoded:
                if (ref.count == 1) {
                    // &#13; is a line end like a raw CR.
                    add_decoded(ref.code_points[0] == U'\r' ? U'\n' : ref.code_points[0], i, i + ref.length, false);
                } else {
                    add(ref.code_points.data(), ref.count, i, i + ref.length, false);
                }
                return i + ref.length;
        }
        return i + 1;
    }

    // A decoded code point, however written: invisible ones are dropped here.
    void add_decoded(char32_t cp, std::size_t start, std::size_t end, bool verbatim) {
        if (is_zero_width(cp)) return;
        if (is_bidi_control(cp)) {
            diagnostics_.note(DiagnosticCode::text_bidi_control, start, end);
            return;
        }
        if (cp == kByteOrderMark) {
            diagnostics_.note(DiagnosticCode::utf8_bom, start, end);
            return;
        }
        add(cp, start, end, verbatim);
    }

    void add(char32_t cp, std::size_t start, std::size_t end, bool verbatim) { add(&cp, 1, start, end, verbatim); }

    // Adds code points that come from source[start, end). `verbatim`: they are
    // exactly those bytes decoded (not an entity, not a replacement).
    void add(const char32_t* cps, std::size_t count, std::size_t start, std::size_t end, bool verbatim) {
        if (segment_open_ && has_boundary_before(cps[0])) flush_segment();
        if (!segment_open_) {
            start_segment(start);
        } else if (start != segment_source_end_) {
            segment_contiguous_ = false;  // something was dropped in between
        }
        for (std::size_t k = 0; k < count; ++k) segment_.append(static_cast<UChar32>(cps[k]));
        segment_source_end_ = end;
        segment_verbatim_ = segment_verbatim_ && verbatim;
        segment_fast_ = false;
    }

    bool has_boundary_before(char32_t cp) const {
        return cp < 0x80 || is_hangul_syllable(cp) || nfkc_.hasBoundaryBefore(static_cast<UChar32>(cp));
    }

    void start_segment(std::size_t source_start) {
        segment_open_ = true;
        segment_source_start_ = source_start;
        segment_source_end_ = source_start;
        segment_norm_start_ = out_.text.size();
        segment_verbatim_ = true;
        segment_contiguous_ = true;
        segment_fast_ = true;
    }

    void flush_segment() {
        if (!segment_open_) return;
        segment_open_ = false;
        const std::size_t source_length = segment_source_end_ - segment_source_start_;
        UErrorCode status = U_ZERO_ERROR;
        if (segment_verbatim_ && segment_contiguous_ &&
            (segment_fast_ || nfkc_.isNormalized(segment_, status))) {
            out_.map.add_copy(out_.text.size(), segment_source_start_, source_length);
            out_.text.append(source_.data() + segment_source_start_, source_length);
        } else {
            status = U_ZERO_ERROR;
            const icu::UnicodeString normalized = nfkc_.normalize(segment_, status);
            (U_SUCCESS(status) ? normalized : segment_).toUTF8String(out_.text);
            out_.map.add_replacement(segment_norm_start_, out_.text.size(), segment_source_start_,
                                     segment_source_end_);
        }
        segment_.remove();
    }

    std::string_view source_;
    const unsigned char* bytes_;
    std::size_t begin_;
    std::size_t end_;
    const HtmlEntityTable& entities_;
    const icu::Normalizer2& nfkc_;
    DiagnosticCollector diagnostics_;
    NormalizedText out_;

    // The open NFKC segment: its code points and where they came from.
    icu::UnicodeString segment_;
    bool segment_open_ = false;
    std::size_t segment_source_start_ = 0;
    std::size_t segment_source_end_ = 0;
    std::size_t segment_norm_start_ = 0;
    bool segment_verbatim_ = true;    // every code point is its own bytes decoded
    bool segment_contiguous_ = true;  // no dropped bytes inside
    bool segment_fast_ = true;        // one ASCII letter or Hangul syllable: already normalised
};

}  // namespace

NormalizedText normalize_text(std::string_view source, std::size_t begin, std::size_t end,
                              std::vector<Diagnostic>& diagnostics) {
    end = std::min(end, source.size());
    begin = std::min(begin, end);
    return Normalizer(source, begin, end, diagnostics).run();
}

std::string decode_entities(std::string_view value) {
    const HtmlEntityTable& entities = html_entities();
    std::string out;
    out.reserve(value.size());
    for (std::size_t i = 0; i < value.size();) {
        const unsigned char b = static_cast<unsigned char>(value[i]);
        if (b == '&') {
            const EntityReference ref = entities.read(value, i);
            if (ref.kind == EntityReference::Kind::decoded || ref.kind == EntityReference::Kind::invalid) {
                for (std::size_t k = 0; k < ref.count; ++k) append_utf8(out, ref.code_points[k]);
                i += ref.length;
                continue;
            }
        }
        if (b < 0x80) {
            out += static_cast<char>(b);
            ++i;
            continue;
        }
        // Metadata goes into JSON, so it is made valid UTF-8 here.
        char32_t cp;
        bool valid;
        const std::size_t length = utf8_sequence(value, i, cp, valid);
        if (valid) {
            out.append(value.substr(i, length));
        } else {
            append_utf8(out, kReplacementCharacter);
        }
        i += length;
    }
    return out;
}

}  // namespace kfacts
