// Linking numbers to what they are about, and names beyond the gazetteer to
// their teams (docs/rules.md, "Linking").
#include <algorithm>
#include <cctype>
#include <iterator>

#include "facts/fact_builder.h"
#include "text/char_class.h"

namespace kfacts {
namespace {

// How far the linker looks for a subject, in units and in sentences, and
// how far back a clause (격차는 …, 각각 …) is looked for from a figure.
constexpr std::size_t kForwardReach = 14;
constexpr std::size_t kClauseReach = 16;
// How far back in its sentence a figure's subject is looked for: sentences
// of news are far shorter; a crawled page glued into one "sentence" must
// not make every figure scan all of it.
constexpr std::size_t kBackReach = 80;
// Scores run to a few thousand at most (leaderboard ratings near 1,500);
// points from here on count items (이미지 80만 점, 사진 3만2000점).
constexpr double kMaxScore = 10000;

// 100점 만점: a scale, the maximum of its own points.
bool is_scale(const Quantity& q) { return q.max_score && *q.max_score == q.value; }

std::size_t back_limit(std::size_t first_unit, std::size_t unit) {
    return unit > first_unit + kBackReach ? unit - kBackReach : first_unit;
}
constexpr std::size_t kTopicCarrySentences = 3;

// A verb's form that modifies the noun after it, three syllables or more
// (선정된 컨소시엄, 탈락한 팀, 참여했던, 개발하는, 떨어진, 뽑힌): no organisation's name.
bool adnominal_verb(std::string_view word) {
    // 알려진, 만들어진; but 엔진 (engine) ends a company's name (마루엔진).
    return word.size() >= 9 && word.find(' ') == std::string_view::npos &&
           ends_with_one_of(word, {"된", "던", "한", "는", "진", "힌"}) && !word.ends_with("엔진");
}

// A company's or a lab's kind written as a word of its own after its name
// (코나크 시스템즈, 한빛전자 AI연구소, 미리내 스튜디오).
bool kind_alone(std::string_view word) {
    if (word.starts_with("AI")) word.remove_prefix(2);
    return is_one_of(word, {"연구소", "연구원", "연구센터", "센터", "랩", "연구실", "스튜디오", "랩스", "시스템즈",
                            "인텔리전스", "테크놀로지스", "로보틱스"});
}

bool all_digits(std::string_view text) {
    return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

bool has_latin_letter(std::string_view name) {
    return std::any_of(name.begin(), name.end(), [](char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; });
}

bool has_latin_or_digit(std::string_view name) {
    return has_latin_letter(name) || std::any_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool ends_with_word(std::string_view full, std::string_view part) {
    return full.size() > part.size() + 1 && full.ends_with(part) && full[full.size() - part.size() - 1] == ' ';
}

bool plausible_name(std::string_view name) {
    if (name.empty() || name.size() > 60) return false;
    std::size_t spaces = 0;
    for (char c : name) spaces += c == ' ';
    return spaces <= 4;
}

// The `)` of an alias in parentheses opening at unit `open` (`(CodeRiver)`,
// `(ARA 2.5)`: one to four units, not a figure alone), or 0.
std::size_t FactBuilder::alias_close(std::size_t open, std::size_t end) const {
    if (open >= end || unit_text(open) != "(") return 0;
    for (std::size_t u = open + 1; u < end && u <= open + 5; ++u) {
        if (unit_text(u) != ")") continue;
        const bool figure = u == open + 2 && units_.units[open + 1].cls == UnitClass::quantity;
        return u > open + 1 && !figure ? u : 0;
    }
    return 0;
}

bool FactBuilder::size_in_parentheses(std::size_t open, std::size_t end) const {
    if (open + 2 >= end || unit_text(open) != "(" || unit_text(open + 2) != ")") return false;
    const Unit& figure = units_.units[open + 1];
    if (figure.cls != UnitClass::quantity) return false;
    const Quantity& q = quantities_[static_cast<std::size_t>(figure.quantity)];
    return q.scale_suffix || is_one_of(q.unit, {"개", "파라미터", "매개변수"});
}

// Whether a sentence ends by announcing what follows: `… 다음과 같다.`,
// `… 아래와 같다.`
bool FactBuilder::announces_list(const SentenceTags& sentence) const {
    std::size_t end = sentence.end_unit;
    if (end > sentence.first_unit && unit_text(end - 1) == ".") --end;
    return end >= sentence.first_unit + 3 && unit_text(end - 1) == "같다" && is_particle(end - 2, {"과", "와"}) &&
           is_one_of(unit_text(end - 3), {"다음", "아래"});
}

// A sentence's topic is the model or team marked as its subject (은/는/이/가,
// also through 팀 or 컨소시엄: LG팀은). A sentence that names a model or team
// without marking it, other than as a baseline in parentheses (`'X'(63.1점)`),
// leaves the topic open: what it is about is not clear enough to carry on.
//
// A sentence's topics depend on its own units and on the local names that
// start at them, so once computed they are computed again only for the
// sentences with a unit that a name added since may start at.
void FactBuilder::compute_topics() {
    const std::bitset<4096> added = local_models_.first_chars_added | local_teams_.first_chars_added;
    local_models_.first_chars_added.reset();
    local_teams_.first_chars_added.reset();
    const auto may_name_anew = [&](const SentenceTags& sentence) {
        for (std::size_t u = sentence.first_unit; u < sentence.end_unit; ++u) {
            if (first_char_of_unit_[u] != NameIndex::kNoFirstChar && added[first_char_of_unit_[u]]) return true;
        }
        return false;
    };
    const bool again = topics_computed_;
    topics_computed_ = true;
    if (!again) {
        topic_model_.assign(units_.sentences.size(), std::nullopt);
        topic_team_.assign(units_.sentences.size(), std::nullopt);
        blocks_topic_.assign(units_.sentences.size(), false);
    }
    for (std::size_t s = 0; s < units_.sentences.size(); ++s) {
        const auto& sentence = units_.sentences[s];
        if (again && !may_name_anew(sentence)) continue;
        topic_model_[s].reset();
        topic_team_[s].reset();
        blocks_topic_[s] = false;
        std::optional<std::size_t> presented;
        // A verb of release, or of presenting (소개했다), makes a model the topic.
        const auto releasing = [&](std::size_t u) {
            return units_.units[u].keyword == "launch" || units_.units[u].keyword == "present";
        };
        std::size_t first_release = sentence.first_unit;
        while (first_release < sentence.end_unit && !releasing(first_release)) ++first_release;
        const bool releases = first_release < sentence.end_unit;  // the sentence has such a verb somewhere
        for (std::size_t u = sentence.first_unit; u < sentence.end_unit; ++u) {
            const bool launched = u >= first_release;  // such a verb at u or before it
            if (!may_name_model_or_team(u)) continue;
            const bool model = model_name_at(u) != nullptr;
            const bool team = !model && team_name_at(u) != nullptr;
            if (!model && !team) continue;
            // What follows the name: closing marks, 팀, a model word and an alias
            // in parentheses (`'에이닷엑스 K1'(A.X K1)은`, `카나나 2 모델은`)
            // stand between it and its particle.
            std::size_t next = name_end_unit(u);
            while (next < sentence.end_unit) {
                if (units_.units[next].cls == UnitClass::sq_close || is_one_of(unit_text(next), {"팀", "정예팀", "컨소시엄"}) ||
                    (model && unit_text(next) == "모델")) {
                    ++next;
                } else if (const std::size_t close = alias_close(next, sentence.end_unit); close != 0) {
                    next = close + 1;  // an alias or a spelling: 코드리버(CodeRiver)는, 누리 2.5(NURI 2.5)는
                } else if (model && releases && size_in_parentheses(next, sentence.end_unit) &&
                           !(next + 3 < sentence.end_unit && is_subject_marker(next + 3))) {
                    // Its size as it is presented ('창원-Mini 3B'(30억 개)를 선보였다);
                    // marked as a subject (`'GR00T N1.5'(30억 개)는 같은 조건에서
                    // 92.1%`), it is a baseline's, as a score would be.
                    next += 3;
                } else {
                    break;
                }
            }
            // A team right before its model (`알리바바 '큐웬3 32B'`) is that model's owner.
            std::size_t after = u + 1;
            while (after < sentence.end_unit && (units_.units[after].cls == UnitClass::sq_open || is_particle(after, {"의"}))) {
                ++after;
            }
            if (team && after < sentence.end_unit && model_name_at(after)) continue;
            // A team whose release describes a part used (`구글이 공개한 SigLIP 2를
            // 썼고`) is the subject of that clause only, no topic; one whose
            // release describes what the sentence is about is (`하늬소리가
            // 공개한 TTS 모델로`, `업스테이지가 공개한 추론 모델을 써봤다`).
            if (team && after + 1 < sentence.end_unit && is_particle(after, {"이", "가"}) &&
                units_.units[after + 1].keyword == "launch" && unit_text(after + 1).ends_with("한")) {
                std::size_t head = after + 2;
                while (head < sentence.end_unit && head < after + 6 && units_.units[head].cls != UnitClass::particle) ++head;
                if (head + 1 < sentence.end_unit && is_particle(head, {"을", "를"}) &&
                    units_.units[head + 1].keyword == "use") {
                    continue;
                }
            }
            // `인코더로는 … SigLIP 2를 썼고`: a model used as a part is no topic,
            // and the one the sentences before are about goes on.
            if (model && next + 1 < sentence.end_unit && is_particle(next, {"을", "를"}) &&
                units_.units[next + 1].keyword == "use") {
                continue;
            }
            // A heading or a name standing alone (`◆ Orion-7B: …`, `먼저 Orion-7B.`)
            // says what the sentences after it are about; a list item (`- X: 70.2%`) does not.
            const bool heading = u > sentence.first_unit && is_heading_mark(sentence.first_unit);
            const bool ends_sentence =
                next >= sentence.end_unit || (next + 1 == sentence.end_unit && unit_text(next) == ".");
            const bool stands_alone =
                u <= sentence.first_unit + 1 && (ends_sentence || (heading && unit_text(next) == ":"));
            // `1위는 가온정보기술의 누리말-13B였다`, `가장 많이 내려받은 모델은 …
            // 'K-엑사원'이었다`: a past copula whose subject is a rank or a model
            // names the topic too (`비교 기준으로 삼은 것은 GPT-4o였다` names
            // background).
            // So does a rank's model with 로 (`1위는 아라테크의 '아라-R 70B'로
            // 91.2점을 받았다`; not `3차 목표 모델은 딥시크-V4로`), or with no
            // verb at all, as a broadcast says it (`1위는 세움에이아이의 '세움 LM
            // 3 프로'.`).
            const auto rank_subject = [&](bool or_model) {
                for (std::size_t k = sentence.first_unit; k < u; ++k) {
                    const std::string_view w = unit_text(k);
                    const bool rank = !w.empty() && std::isdigit(static_cast<unsigned char>(w[0])) && w.ends_with("위");
                    if (k + 1 < u && (rank || (or_model && units_.units[k].keyword == "modelword")) &&
                        is_particle(k + 1, {"은", "는"})) {
                        return true;
                    }
                    if (w.size() > 3 && w.ends_with("위는") && std::isdigit(static_cast<unsigned char>(w[0]))) return true;
                }
                return false;
            };
            const bool ranked_copula =
                (next < sentence.end_unit && ((is_particle(next, {"였다", "이었다"}) && rank_subject(true)) ||
                                              (is_particle(next, {"로", "으로"}) && rank_subject(false)))) ||
                (model && ends_sentence && rank_subject(false));
            if ((next < sentence.end_unit && is_subject_marker(next)) || (model && stands_alone) || ranked_copula) {
                auto& slot = model ? topic_model_[s] : topic_team_[s];
                if (!slot) slot = u;
            } else if (next >= sentence.end_unit || unit_text(next) != "(") {
                // `SK텔레콤은 'A.X K1'을 공개했다`: the model its topic team presents
                // (the last one before the verb of release, if there is one) is
                // what the next sentence goes on about.
                if (model && (topic_team_[s] || releases) && (!presented || !launched)) presented = u;
                else blocks_topic_[s] = true;
            }
        }
        if (!topic_model_[s]) topic_model_[s] = presented;
        // `DeepSeek-V4의 주요 벤치마크 결과는 다음과 같다.`: the one model of a
        // sentence that announces a list is what the list is about, unless it
        // is compared with (`GPT-4o와 비교한 결과는`): then the list is another's.
        if (!topic_model_[s] && !topic_team_[s] && announces_list(sentence)) {
            std::optional<std::size_t> only;
            bool several = false;
            for (std::size_t u = sentence.first_unit; u < sentence.end_unit && !several; ++u) {
                if (!model_name_at(u)) continue;
                std::size_t next = name_end_unit(u);
                while (next < sentence.end_unit && units_.units[next].cls == UnitClass::sq_close) ++next;
                const bool compared = next < sentence.end_unit && (units_.units[next].keyword == "compare" ||
                                                                   is_particle(next, {"와", "과", "보다"}));
                several = compared || (only && *model_name_at(*only) != *model_name_at(u));
                only = u;
            }
            if (only && !several) {
                topic_model_[s] = only;
                blocks_topic_[s] = false;
            }
        }
        // `같은 평가에서 알리바바의 큐웬3 32B는 62.5점`, `같은 규모인 …가 78.9점이다`,
        // `같은 기준으로 측정한 …`, `같은 문제를 푼 …`, `…의 ‘소노라 TTS’는 같은
        // 조건에서 4.05점`: a sentence set in the same test, or at the same
        // size, as the one before names a baseline; the model or team it marks
        // is no topic to carry to the next sentence.
        const auto same_test_at = [&](std::size_t u) {
            return u + 2 < sentence.end_unit && is_one_of(unit_text(u), {"같은", "동일한", "동일"}) &&
                   (is_particle(u + 2, {"에서", "에서는", "에서도"}) || units_.units[u + 1].keyword == "scale" ||
                    (is_particle(u + 2, {"으로", "로", "을", "를"}) &&
                     is_one_of(unit_text(u + 1), {"기준", "조건", "평가", "환경", "시험", "벤치마크", "테스트", "문제"})));
        };
        bool same_test = false;
        for (std::size_t u = sentence.first_unit; u < sentence.first_unit + 3 && !same_test; ++u) same_test = same_test_at(u);
        // After the subject, only for another model than the topic of the
        // sentences before ('가람-13B'는 같은 조건에서 GPT-4o보다 3점 높았다 goes on
        // about the topic).
        std::optional<std::string> topic_before;
        for (std::size_t back = 1; !topic_before && back <= kTopicCarrySentences && back <= s; ++back) {
            if (topic_model_[s - back]) topic_before = model_at(*topic_model_[s - back]);
        }
        if (!same_test && topic_model_[s] && (!topic_before || model_at(*topic_model_[s]) != topic_before)) {
            std::size_t after = name_end_unit(*topic_model_[s]);
            while (after < sentence.end_unit && units_.units[after].cls == UnitClass::sq_close) ++after;
            if (after < sentence.end_unit && is_particle(after, {"은", "는", "이", "가"})) same_test = same_test_at(after + 1);
        }
        if (same_test && (topic_model_[s] || topic_team_[s])) {
            topic_model_[s].reset();
            topic_team_[s].reset();
            blocks_topic_[s] = true;
        }
        // `전작 소리 1은 84.2점이었다.`: a predecessor named in passing is no
        // topic; the sentences after it go on about the one before it.
        const auto predecessor = [&](std::size_t name) {
            std::size_t before = name;
            if (before > sentence.first_unit && units_.units[before - 1].cls == UnitClass::sq_open) --before;
            return before > sentence.first_unit && is_one_of(unit_text(before - 1), {"전작", "전작인", "이전작"});
        };
        if (topic_model_[s] && predecessor(*topic_model_[s])) {
            topic_model_[s].reset();
            blocks_topic_[s] = false;
        }
    }
}

// The line that holds normalised offset `at`, without its line break.
std::string_view FactBuilder::line_at(std::size_t at) const {
    const std::string_view text = text_.text;
    const std::size_t start = at == 0 ? 0 : text.rfind('\n', at - 1) + 1;  // npos + 1 == 0
    const std::size_t end = std::min(text.find('\n', at), text.size());
    return text.substr(start, end - start);
}

// `▲1위 구글 '제미나이 3 프로'(Gemini 3 Pro)` on a line of its own between
// paragraphs of prose, not in a list of such lines: an item that heads the
// paragraphs after it (compute_sections leaves out photo captions).
bool FactBuilder::ranked_item_heading(std::size_t s) const {
    const auto& sentence = units_.sentences[s];
    if (sentence.end_unit - sentence.first_unit < 2 || unit_text(sentence.first_unit) != "▲") return false;
    if (!whole_line(s)) return false;
    const std::string_view line = line_at(units_.units[sentence.first_unit].norm_start);
    return !item_line_beside(line, [](std::string_view l) {
        const std::size_t first = l.find_first_not_of(" \t");
        return first != std::string_view::npos && l.substr(first).starts_with("▲");
    });
}

// Whether sentence `s` is all of its line's text.
bool FactBuilder::whole_line(std::size_t s) const {
    const auto& sentence = units_.sentences[s];
    const std::string_view text = text_.text;
    const std::string_view line = line_at(units_.units[sentence.first_unit].norm_start);
    const std::size_t line_start = static_cast<std::size_t>(line.data() - text.data());
    const std::size_t text_end = line_start + line.find_last_not_of(" \t\r") + 1;
    return units_.units[sentence.first_unit].norm_start == line_start &&
           units_.units[sentence.end_unit - 1].norm_end >= text_end;
}

// `[카드 4] ③ LG AI연구원 '엑사원 4.0 1.2B'` (③ reads 3 once normalised), `2
// 미르칩AI 'Mir-Nano'`: a line that is an item's number, perhaps after a
// card's label, then a developer and the rest, heads the lines after it as a
// marked heading does. Where the developer starts, if so.
std::optional<std::size_t> FactBuilder::labelled_item_developer(std::size_t s) const {
    const auto& sentence = units_.sentences[s];
    if (sentence.end_unit - sentence.first_unit < 3) return std::nullopt;  // a number, a developer, a quotation
    std::size_t u = sentence.first_unit;
    if (unit_text(u) == "[") {
        while (u < sentence.end_unit && u <= sentence.first_unit + 4 && unit_text(u) != "]") ++u;
        if (u >= sentence.end_unit || unit_text(u) != "]") return std::nullopt;
        ++u;
    }
    // The number is what makes it an item (`[사진] 카카오 '카나나 2'` is a caption).
    if (u >= sentence.end_unit || !all_digits(unit_text(u))) return std::nullopt;
    ++u;
    if (u + 1 >= sentence.end_unit || model_name_at(u) || !whole_line(s)) return std::nullopt;
    // A developer no list knows (`③ 소리숲 '숲-Voice 3B'`) is the word before the quotation.
    const std::size_t after = team_name_at(u) ? name_end_unit(u) : u + 1;
    if (after >= sentence.end_unit || units_.units[after].cls != UnitClass::sq_open) return std::nullopt;
    return u;
}

// Whether the line with text before `line` or the one after is an item too
// (`is_item`): the line is then one of a list, not a heading.
bool FactBuilder::item_line_beside(std::string_view line, bool (*is_item)(std::string_view)) const {
    const std::string_view text = text_.text;
    const std::size_t line_start = static_cast<std::size_t>(line.data() - text.data());
    const auto has_text = [](std::string_view l) { return l.find_first_not_of(" \t\r") != std::string_view::npos; };
    for (std::size_t at = line_start + line.size() + 1; at < text.size();) {  // the next line with text
        const std::string_view next = line_at(at);
        if (has_text(next)) {
            if (is_item(next)) return true;
            break;
        }
        at += next.size() + 1;
    }
    for (std::size_t end = line_start; end > 0;) {  // the line with text before
        const std::string_view before = line_at(end - 1);
        if (has_text(before)) return is_item(before);
        end = static_cast<std::size_t>(before.data() - text.data());
    }
    return false;
}

// Whether the item opens with its rank (▲10위); for items of two units or more.
bool FactBuilder::ranked_item_rank(std::size_t s) const {
    const auto& sentence = units_.sentences[s];
    const std::string_view rank = unit_text(sentence.first_unit + 1);
    return rank.ends_with("위") && std::isdigit(static_cast<unsigned char>(rank[0]));
}

// The model a ranked item names: rank, developer, quotation marks and a
// spelling in parentheses may stand around it, nothing else.
std::optional<std::size_t> FactBuilder::ranked_item_model(std::size_t s) const {
    const auto& sentence = units_.sentences[s];
    std::size_t u = sentence.first_unit + 1;
    if (ranked_item_rank(s)) ++u;
    if (u < sentence.end_unit && team_name_at(u) && !model_name_at(u)) u = name_end_unit(u);
    if (u < sentence.end_unit && units_.units[u].cls == UnitClass::sq_open) ++u;
    if (u >= sentence.end_unit || !model_name_at(u)) return std::nullopt;
    const std::size_t name = u;
    std::size_t after = name_end_unit(name);
    if (after < sentence.end_unit && units_.units[after].cls == UnitClass::sq_close) ++after;
    if (const std::size_t close = alias_close(after, sentence.end_unit); close != 0) after = close + 1;
    if (after < sentence.end_unit) return std::nullopt;
    return name;
}

void FactBuilder::compute_sections() {
    section_model_.assign(units_.sentences.size(), std::nullopt);
    std::optional<std::size_t> current;
    for (std::size_t s = 0; s < units_.sentences.size(); ++s) {
        const auto& sentence = units_.sentences[s];
        // `1. 제미나이 3 프로(Gemini 3 Pro)`: a numbered item that is a model's
        // name alone heads the lines after it, as a marked heading does.
        const std::string_view first_text = unit_text(sentence.first_unit);
        // One of a list of such lines (`명단은 다음과 같다.` then `1. …`, `2. …`) heads nothing.
        const bool numbered =
            sentence.end_unit - sentence.first_unit >= 3 && all_digits(first_text) &&
            unit_text(sentence.first_unit + 1) == "." &&
            !item_line_beside(line_at(units_.units[sentence.first_unit].norm_start), [](std::string_view l) {
                const std::size_t first = l.find_first_not_of(" \t");
                if (first == std::string_view::npos) return false;
                const std::size_t digits = l.find_first_not_of("0123456789", first);
                return digits != first && digits != std::string_view::npos && l[digits] == '.';
            });
        // An item that ends in a period is a photo caption (`▲연구진이 시연하고 있다.`).
        if (ranked_item_heading(s) && unit_text(sentence.end_unit - 1) != ".") {
            current = ranked_item_model(s);  // no model found: an unknown model's section
        } else if (const auto developer = labelled_item_developer(s);
                   developer || (sentence.end_unit - sentence.first_unit >= 2 && (is_heading_mark(sentence.first_unit) || numbered))) {
            // A new heading starts a new section, about its model or about nothing named.
            std::size_t name = developer ? *developer : sentence.first_unit + (numbered ? 2 : 1);
            // `2. LG AI연구원 'EXAONE 4.0 32B'`, `▷ 퀀타브레인 'QB-1T'`: its developer
            // and quotation marks around it.
            if (developer && !team_name_at(name)) {
                ++name;
            } else if (name < sentence.end_unit && team_name_at(name) && !model_name_at(name)) {
                name = name_end_unit(name);
                if (name < sentence.end_unit && is_particle(name, {"의"})) ++name;
            }
            if (name < sentence.end_unit && units_.units[name].cls == UnitClass::sq_open) ++name;
            current.reset();
            if (name < sentence.end_unit && model_name_at(name)) {
                std::size_t after = name_end_unit(name);
                if (after < sentence.end_unit && units_.units[after].cls == UnitClass::sq_close) ++after;
                if (const std::size_t close = alias_close(after, sentence.end_unit); close != 0) after = close + 1;
                if (after >= sentence.end_unit || (!numbered && unit_text(after) == ":")) current = name;
            }
        }
        section_model_[s] = current;
    }
}

// `알리바바의 'Qwen3-Next'는 66.4점에 머물렀다.` in an article about another
// team (its headline's): a model said to fall short is no topic the sentences
// after it go on about.
void FactBuilder::drop_trailing_topics() {
    if (headline_teams_.size() != 1) return;
    for (std::size_t s = 0; s < units_.sentences.size(); ++s) {
        if (!topic_model_[s]) continue;
        const auto model = model_at(*topic_model_[s]);
        const auto team = model ? team_of_model(*model) : std::nullopt;
        if (!team || *team == headline_teams_.front()) continue;
        const auto& sentence = units_.sentences[s];
        for (std::size_t u = sentence.first_unit; u < sentence.end_unit; ++u) {
            const std::string_view word = unit_text(u);
            if (word.starts_with("머물렀") || word.starts_with("그쳤")) {
                topic_model_[s].reset();
                topic_team_[s].reset();
                blocks_topic_[s] = true;
                break;
            }
        }
    }
}

std::vector<std::string> FactBuilder::compute_headline_teams() const {
    // The teams the headline names as acting: a title, a subject particle or
    // a comma after it (`[인터뷰] 마도현 윤슬AI CTO …`, `물결랩스, …`, not
    // `구글 출신 창업자`).
    std::vector<std::string> teams;
    if (units_.sentences.empty()) return teams;
    const auto& headline = units_.sentences.front();
    for (std::size_t u = headline.first_unit; u < headline.end_unit; ++u) {
        const std::string* team = team_name_at(u);
        if (!team) continue;
        const std::size_t next = name_end_unit(u);
        if (next < headline.end_unit &&
            (units_.units[next].cls == UnitClass::title || is_subject_marker(next) || unit_text(next) == ",") &&
            std::find(teams.begin(), teams.end(), *team) == teams.end()) {
            teams.push_back(*team);
        }
    }
    return teams;
}

bool FactBuilder::is_interview() const {
    if (units_.sentences.empty()) return false;
    const auto& headline = units_.sentences.front();
    for (std::size_t u = headline.first_unit; u < headline.end_unit; ++u) {
        if (unit_text(u).find("인터뷰") != std::string_view::npos) return true;
    }
    return std::any_of(units_.sentences.begin(), units_.sentences.end(), [&](const SentenceTags& sentence) {
        return sentence.end_unit - sentence.first_unit >= 2 && unit_text(sentence.first_unit) == "Q" &&
               is_one_of(unit_text(sentence.first_unit + 1), {".", ":"});
    });
}

std::optional<std::string> FactBuilder::compute_main_model() const {
    // The article is about the team its headline names as acting: of that
    // team's models, the one a topic most often (if no other as often) is the
    // main model, however often the baselines are topics; else the model a
    // topic most often, in two sentences at least.
    const auto acts_in_headline = [&](const std::string& team) {
        return std::find(headline_teams_.begin(), headline_teams_.end(), team) != headline_teams_.end();
    };
    struct TopicCount {
        std::string model;
        std::size_t count = 0;
        bool of_headline_team = false;
    };
    std::vector<TopicCount> counts;
    for (const auto& topic : topic_model_) {
        if (!topic) continue;
        const auto model = model_at(*topic);
        if (!model) continue;
        auto it = std::find_if(counts.begin(), counts.end(), [&](const TopicCount& c) { return c.model == *model; });
        if (it == counts.end()) {
            const auto team = team_of_model(*model);
            it = counts.insert(counts.end(), TopicCount{*model, 0, team && acts_in_headline(*team)});
        }
        ++it->count;
    }
    std::stable_sort(counts.begin(), counts.end(), [](const TopicCount& a, const TopicCount& b) { return a.count > b.count; });
    const auto first_of = [&](bool headline_only) -> const TopicCount* {
        const TopicCount* best = nullptr;
        for (const TopicCount& c : counts) {
            if (headline_only && !c.of_headline_team) continue;
            if (best) return c.count == best->count ? nullptr : best;
            best = &c;
        }
        return best;
    };
    if (const TopicCount* main = first_of(true)) return main->model;
    if (const TopicCount* main = first_of(false); main && main->count >= 2) return main->model;
    return std::nullopt;
}

// Where a number's subject is: in `300B 규모의 대형 언어 모델 'X'` the
// model follows through a chain of modifiers; in `X는 총 3200억개
// 매개변수로` it precedes. Forward search stops where a clause ends (a
// subject or object particle, a comma, a quotation).
// `32B 모델이 … 29.5점`: a size and a model word name the model of that
// size named before in the article (YULBIT-Law-32B, Qwen3 32B).
std::optional<std::string> FactBuilder::model_by_size(std::size_t size_unit) const {
    const auto& units = units_.units;
    if (units[size_unit].cls != UnitClass::quantity || size_unit + 1 >= units.size() ||
        !quantities_[static_cast<std::size_t>(units[size_unit].quantity)].scale_suffix) {
        return std::nullopt;
    }
    // One word may stand between (`2.4B 프리뷰 모델`), and the size may be
    // inside the name (`Mulgyeol-H-2.4B-v1.5-Preview`), for a model the
    // article introduces: a listed model so named is a baseline's
    // (`Qwen2.5-32B-Instruct를 바탕으로 … 32B 모델은`).
    const bool word_between = units[size_unit + 1].keyword != "modelword";
    if (word_between && !(size_unit + 2 < units.size() && units[size_unit + 1].cls == UnitClass::word &&
                          units[size_unit + 1].keyword.empty() && units[size_unit + 2].keyword == "modelword")) {
        return std::nullopt;
    }
    const std::string_view size = unit_text(size_unit);
    const auto same = [](char a, char b) { return (a | 0x20) == (b | 0x20); };
    const auto separates = [](char c) { return c == '-' || c == ' '; };
    constexpr std::size_t kLookBack = 600;  // units: a few paragraphs
    for (std::size_t v = size_unit; v-- > 0 && v + kLookBack > size_unit;) {
        const auto model = model_at(v);
        if (!model || model->size() <= size.size()) continue;
        // The size as a part of the name: YULBIT-Law-32B, Qwen3 32B, Mulgyeol-H-2.4B-v1.5-Preview.
        const std::string_view name(*model);
        const bool introduced = units[v].cls != UnitClass::model || is_own_name(v);  // found by a rule, not the gazetteer
        for (std::size_t at = 1; at + size.size() <= name.size(); ++at) {
            const bool at_end = at + size.size() == name.size();
            if (separates(name[at - 1]) && std::equal(size.begin(), size.end(), name.begin() + static_cast<std::ptrdiff_t>(at), same) &&
                (at_end || separates(name[at + size.size()])) && ((at_end && !word_between) || introduced)) {
                return model;
            }
        }
    }
    return std::nullopt;
}

Subject FactBuilder::find_subject(std::size_t quantity_unit, bool subject_may_follow) const {
    const std::size_t s = sentence_of_unit_[quantity_unit];
    const auto& sentence = units_.sentences[s];
    Subject subject;
    // `같은 신규팀인 모티프테크놀로지스(71.8점)를`: a figure alone in parentheses
    // right after a team's name is that team's.
    if (quantity_unit >= sentence.first_unit + 2 && quantity_unit + 1 < sentence.end_unit &&
        unit_text(quantity_unit - 1) == "(" && unit_text(quantity_unit + 1) == ")" &&
        !model_name_at(quantity_unit - 2)) {
        if (auto team = team_at(quantity_unit - 2)) {
            subject.team = std::move(team);
            return subject;
        }
    }
    if (auto model = model_by_size(quantity_unit)) {
        subject.team = team_of_model(*model);
        subject.model = std::move(model);
        return subject;
    }
    // A model compared with (`엑사원보다`, `GPT-5 대비`) is a baseline, not the subject.
    // So is one outperformed (`GPT-4o'(81점)를 앞섰다`) or built on (`'엑사원'을 기반으로`).
    const auto is_baseline = [&](std::size_t u) {
        std::size_t next = u + 1;
        while (next < sentence.end_unit && units_.units[next].cls == UnitClass::sq_close) ++next;
        // A figure in parentheses after it is its own (`'카나나 2'(2360억 개)보다`): skip
        // it, unless it is the figure whose subject is sought.
        if (next + 2 < sentence.end_unit && unit_text(next) == "(" && unit_text(next + 2) == ")" &&
            next + 1 != quantity_unit) {
            next += 3;
        }
        if (next >= sentence.end_unit) return false;
        if (units_.units[next].keyword == "compare" || is_particle(next, {"보다", "와", "과"}) ||
            lexicon_.word_class(unit_text(next)) == "compare") {
            return true;
        }
        // `윈젠 라이트 3.8B의 두 배가 넘지만`: one measured against is a baseline.
        if (is_particle(next, {"의"}) && next + 1 < sentence.end_unit) {
            std::size_t times = next + 1;
            if (times + 1 < sentence.end_unit && is_one_of(unit_text(times), {"두", "세", "네", "약"})) ++times;
            const std::string_view word = unit_text(times);
            if (is_one_of(word, {"배", "배가", "배로", "배에", "절반", "절반에", "절반으로"}) ||
                (units_.units[times].cls == UnitClass::quantity && word.ends_with("배"))) {
                return true;
            }
        }
        // `K-엑사원 2(35.1점)에 뒤졌지만`: one it trails is a baseline too.
        if (is_particle(next, {"에", "에게"})) {
            return next + 1 < sentence.end_unit && units_.units[next + 1].keyword == "margin";
        }
        if (!is_particle(next, {"를", "을"})) {
            return is_one_of(units_.units[next].keyword, {"beaten", "base", "derive"});
        }
        ++next;
        if (next < sentence.end_unit && is_one_of(units_.units[next].keyword, {"beaten", "base"})) return true;
        // The object of a verb that makes a model from another, right after it
        // or after how (`'라마 4'를 미세조정한 '한길-챗'`, `하늘-엣지는 … '하늘-T'를
        // 지식증류(디스틸레이션) 방식으로 압축한 모델로`), is a base where the
        // sentence names the model made, before or after; where it names none,
        // the object so made is what the figure is of (`'GR00T N1.5'를
        // 미세조정해 수행했을 때는 27.9점`).
        const auto another_model = [&](std::size_t from, std::size_t to) {
            for (std::size_t x = from; x < to; ++x) {
                if (units_.units[x].cls == UnitClass::model) return true;
            }
            return false;
        };
        for (std::size_t x = next; x < sentence.end_unit && x < next + 8; ++x) {
            const UnitClass cls = units_.units[x].cls;
            if (cls == UnitClass::model || cls == UnitClass::team || cls == UnitClass::quantity || unit_text(x) == ",") break;
            if (units_.units[x].keyword == "derive") {
                return another_model(sentence.first_unit, u) || another_model(x + 1, sentence.end_unit);
            }
        }
        return false;
    };
    const auto forward = [&]() -> std::optional<std::string> {
        // `6710억 개로 모아-R의 20배`, `6710억 개이고 모아-R보다`: after a particle
        // that the count's own word carries (개로, 개이고), a model right after it
        // starts another clause; a clause in between (`2360억 개로 공개된
        // K-엑사원`) still leads to the count's model.
        if (const Unit& count = units_.units[quantity_unit]; count.quantity >= 0 && quantity_unit + 1 < sentence.end_unit) {
            const Quantity& q = quantities_[static_cast<std::size_t>(count.quantity)];
            if (count.norm_end > q.norm_end &&
                !is_one_of(std::string_view(text_.text).substr(q.norm_end, count.norm_end - q.norm_end), {"의", "인", "짜리"}) &&
                (model_name_at(quantity_unit + 1) || units_.units[quantity_unit + 1].cls == UnitClass::sq_open)) {
                return std::nullopt;
            }
        }
        for (std::size_t u = quantity_unit + 1; u < sentence.end_unit && u <= quantity_unit + kForwardReach; ++u) {
            if (auto m = model_at(u)) return m;
            const Unit& unit = units_.units[u];
            // `5000억 개가 넘는 'A.X K1'`: the count's own clause modifies what follows.
            const bool clause_of_count = u == quantity_unit + 1 && is_particle(u, {"이", "가"}) &&
                                         u + 1 < sentence.end_unit && units_.units[u + 1].cls == UnitClass::word &&
                                         unit_text(u + 1).ends_with("는");
            if (clause_of_count) continue;
            // `6710억 개 파라미터를 갖춘 'DeepSeek-V3.2'`: so does a clause that has it.
            const bool has_count = is_particle(u, {"을", "를"}) && u + 1 < sentence.end_unit &&
                                   is_one_of(unit_text(u + 1), {"갖춘", "가진", "지닌", "보유한"});
            if (has_count) continue;
            // Only 의 and 인 go on a chain of modifiers (규모의, 모델인); any other particle ends it.
            if ((unit.cls == UnitClass::particle && !is_particle(u, {"의", "인"})) ||
                unit.cls == UnitClass::dq_open || unit.cls == UnitClass::quantity ||
                (unit.cls == UnitClass::symbol && is_one_of(unit_text(u), {",", ";", "▲", "△", "■", "●", "·"}))) {
                break;  // a comma or a list's bullet (▲A 1150억 ▲B) ends the item
            }
        }
        return std::nullopt;
    };
    // A team right before its baseline model (오픈AI 'GPT-4o', 알리바바의
    // '큐웬3 32B'를 바탕으로) is the baseline's, not the figure's.
    const auto owns_baseline = [&](std::size_t u) {
        std::size_t next = u + 1;
        if (next < sentence.end_unit && is_particle(next, {"의"})) ++next;
        while (next < sentence.end_unit && units_.units[next].cls == UnitClass::sq_open) ++next;
        return next < sentence.end_unit && model_name_at(next) && is_baseline(next);
    };
    const std::size_t reach = back_limit(sentence.first_unit, quantity_unit);
    const auto backward = [&]() -> std::optional<std::string> {
        bool team_after = false;
        for (std::size_t u = quantity_unit; u-- > reach;) {
            if (auto m = model_at(u); m && !is_baseline(u)) return m;
            if (auto m = model_by_size(u)) return m;
            // `'A.X K1'은 84.0점, 업스테이지는 80.2점`: a team marked as the subject
            // after the last model is the figure's subject, not that model.
            if (u + 1 < quantity_unit && team_name_at(u) && is_subject_marker(u + 1)) return std::nullopt;
            // `K-엑사원 최고점, 마루인텔리전스 '1조 파라미터' 도전`, `…, 한결AI 컨소시엄은
            // 68.9점으로`: so is a team in the figure's own item of a list, right
            // before the figure (a quotation mark between) or its clause's subject.
            if (team_name_at(u) && !owns_baseline(u)) {
                std::size_t next = name_end_unit(u);
                while (next < quantity_unit && is_one_of(unit_text(next), {"컨소시엄", "팀"})) ++next;
                team_after = team_after || u + 2 >= quantity_unit || (next < quantity_unit && is_subject_marker(next));
            }
            if (team_after && units_.units[u].cls == UnitClass::symbol && unit_text(u) == ",") return std::nullopt;
        }
        return std::nullopt;
    };
    // A score whose clause modifies what follows names the model or the team
    // after it (`81.5점을 받은 카카오의 '카나나 2'였다`, `78.5점을 받은
    // 누리브레인 컨소시엄은`).
    const auto modified = [&]() -> Subject {
        std::size_t u = quantity_unit + 1;
        // `83.0점의 SK텔레콤 'A.X K1'`: the figure's owner after 의.
        const bool owned = u < sentence.end_unit && is_particle(u, {"의"});
        if (u < sentence.end_unit && is_particle(u, {"을", "를"})) ++u;
        if (!owned) {
            if (u >= sentence.end_unit || units_.units[u].cls == UnitClass::particle) return {};
            const std::string_view verb = unit_text(u);
            if (!(verb.ends_with("은") || verb.ends_with("한"))) return {};
        }
        Subject named;
        for (std::size_t v = u + 1; v < sentence.end_unit && v <= u + 4; ++v) {
            if (auto m = model_at(v)) return {std::move(m), std::nullopt};
            const Unit& unit = units_.units[v];
            if (team_name_at(v)) {
                // The team only as the clause's subject (`… 누리브레인 컨소시엄은`),
                // not as the owner of what follows (`… LG AI연구원의 주력 모델`).
                std::size_t after = name_end_unit(v);
                if (after < sentence.end_unit && is_one_of(unit_text(after), {"컨소시엄", "팀"})) ++after;
                if (!named.team && after < sentence.end_unit && is_particle(after, {"은", "는", "이", "가"})) {
                    named.team = team_at(v);
                }
            } else if (!(is_particle(v, {"의"}) || unit.cls == UnitClass::sq_open)) {
                break;
            }
        }
        return named;
    };
    // `… 기반으로 학습한 이 모델은 74.8점으로`: the figure's subject refers
    // back (이, 해당, 이번 모델) to the topic before its sentence; what its
    // modifiers name (the base model, its developer) is not the subject.
    // A model named before it in the same sentence (`'Tri-70B'를 학습시켰고,
    // 이 모델은`) is the one it refers to.
    bool refers_back = false;
    for (std::size_t v = reach; v + 2 < quantity_unit && !refers_back; ++v) {
        refers_back = units_.units[v + 1].keyword == "modelword" && is_one_of(unit_text(v), {"이", "해당", "이번"}) &&
                      is_subject_marker(v + 2);
        // Baselines named after it (`'Llama 3.3 70B'(61.2점)를 앞섰고`) leave
        // it the subject; another model or team (`…, SK텔레콤은 68.3점`) does not.
        for (std::size_t w = v + 3; refers_back && w < quantity_unit; ++w) {
            refers_back = model_name_at(w) ? is_baseline(w) : !(team_name_at(w) && !owns_baseline(w));
        }
        for (std::size_t u = v; refers_back && u-- > reach;) {
            if (auto m = model_at(u); m && !is_baseline(u)) {
                subject.team = team_of_model(*m);
                subject.model = std::move(m);
                return subject;
            }
        }
    }
    // `'루미노-비전 7B'를 예로 들었다. … 공개한 이 모델은`: with no model before
    // it in its own sentence, the model the sentence before took as its
    // object (not as its base: `'엑사원'을 기반으로`).
    if (refers_back && s > 0) {
        const auto& before = units_.sentences[s - 1];
        for (std::size_t u = before.end_unit; u-- > before.first_unit;) {
            if (!model_name_at(u)) continue;
            std::size_t next = name_end_unit(u);
            if (const std::size_t close = alias_close(next, before.end_unit); close != 0) next = close + 1;
            while (next < before.end_unit && units_.units[next].cls == UnitClass::sq_close) ++next;
            if (next + 1 < before.end_unit && is_particle(next, {"을", "를"}) &&
                !is_one_of(units_.units[next + 1].keyword, {"base", "derive"})) {
                subject.model = model_at(u);
                subject.team = team_of_model(*subject.model);
                return subject;
            }
            break;
        }
    }
    // A count may name its model after it (a chain of modifiers); a score's
    // subject comes before it (`X는 … 72.03점`, `X(69.37점)`).
    if (!refers_back) {
        if (!subject_may_follow) {
            subject = modified();
            if (subject.team) return subject;
        }
        if (!subject.model) subject.model = subject_may_follow ? forward() : backward();
        if (!subject.model && subject_may_follow) subject.model = backward();
        if (subject.model) {
            subject.team = team_of_model(*subject.model);
            if (lexicon_.find(*subject.model, EntityKind::model) || local_model_team_.count(*subject.model)) {
                return subject;  // a known model: its team is the gazetteer's, not the sentence's
            }
        }
        if (!subject.team) {
            for (std::size_t u = quantity_unit; u-- > reach;) {
                if (auto t = team_at(u); t && !owns_baseline(u)) {
                    subject.team = t;
                    break;
                }
            }
        }
        if (!subject.empty()) return subject;
    }
    // A sentence that names nobody before the figure continues the topic of
    // the one before (`KT의 X는 … 이뤄졌다. 3000억개 규모의 첫 모델이다.`,
    // `매개변수는 700억 개로, 메타 '라마' 같은 모델을 쓰지 않았다`).
    bool names_any = false;
    for (std::size_t u = reach; u < quantity_unit && !names_any && !refers_back; ++u) {
        if (model_name_at(u)) {
            names_any = !is_baseline(u);
        } else if (team_name_at(u)) {
            names_any = !owns_baseline(u);
        }
    }
    for (std::size_t back = 1; !names_any && back <= kTopicCarrySentences && back <= s; ++back) {
        const std::size_t p = s - back;
        if (topic_model_[p]) {
            subject.model = model_at(*topic_model_[p]);
            subject.team = subject.model ? team_of_model(*subject.model) : std::nullopt;
        }
        if (!subject.team && topic_team_[p]) subject.team = team_at(*topic_team_[p]);
        if (!subject.empty() || blocks_topic_[p]) break;
    }
    if (subject.empty() && !names_any && section_model_[s]) {
        subject.model = model_at(*section_model_[s]);
        subject.team = subject.model ? team_of_model(*subject.model) : std::nullopt;
    }
    // A score on a named benchmark or out of a stated maximum, in a sentence
    // that names nobody, with no topic to carry, is the article's main
    // model's (an interview answer, `다른 평가에서는 … KMMLU에서 61.2점`),
    // also after a sentence that stopped the carry by naming baselines: on
    // every blind set, reports go on about their main model after comparing.
    if (subject.empty() && !names_any && !subject_may_follow && main_model_) {
        const Unit& figure = units_.units[quantity_unit];
        bool benchmarked = figure.cls == UnitClass::quantity &&
                           quantities_[static_cast<std::size_t>(figure.quantity)].max_score.has_value();
        for (std::size_t u = sentence.first_unit; u < quantity_unit && !benchmarked; ++u) {
            benchmarked = units_.units[u].cls == UnitClass::benchmark;
        }
        if (benchmarked) {
            subject.model = main_model_;
            subject.team = team_of_model(*main_model_);
        }
    }
    // A count in such a sentence of an interview's answer (`내년에는 700억
    // 파라미터급 후속 모델을 내놓을 계획입니다`) is the interviewee's company,
    // the one the headline names as acting; not in a question (`Q. 요즘은 1조
    // 파라미터 모델도 흔한데요`) or about competitors (`경쟁사들은 …`).
    if (subject.empty() && !names_any && subject_may_follow && interview_ && headline_teams_.size() == 1 &&
        in_answer(units_.units[quantity_unit].norm_start)) {
        bool competitors = false;
        for (std::size_t u = sentence.first_unit; u < quantity_unit && !competitors; ++u) {
            competitors = unit_text(u).starts_with("경쟁");
        }
        if (!competitors) subject.team = headline_teams_.front();
    }
    return subject;
}

// A listed model the article names whose name ends with the words of `tail`
// (`Konan LLM ENT-12` for ENT-12); a tail with no digit names none (Pro).
// The article's listed models are gathered when a model first asks.
const std::string* FactBuilder::listed_model_ending_with(std::string_view tail) {
    if (std::none_of(tail.begin(), tail.end(), [](char c) { return c >= '0' && c <= '9'; })) return nullptr;
    if (!listed_models_) {
        listed_models_.emplace();
        for (std::size_t u = 0; u < units_.units.size(); ++u) {
            if (units_.units[u].cls != UnitClass::model) continue;
            const std::string* model = model_name_at(u);
            if (model && std::find(listed_models_->begin(), listed_models_->end(), *model) == listed_models_->end()) {
                listed_models_->push_back(*model);
            }
        }
    }
    for (const std::string& model : *listed_models_) {
        if (ends_with_word(model, tail)) return &model;
    }
    return nullptr;
}

// ‘누리 미니(NURI-Mini-2B)’, '소리결-옴니 32B'(Sorigyeol-Omni 32B): the
// quoted words before the parenthesis around a model's name name the same
// model, and later mentions use them.
std::optional<std::string> FactBuilder::words_before_parenthesis(const Capture& name) const {
    const auto& units = units_.units;
    if (name.first < 3 || name.end >= units.size() || unit_text(name.first - 1) != "(" || unit_text(name.end) != ")") {
        return std::nullopt;
    }
    const std::size_t sentence_start = units_.sentences[sentence_of_unit_[name.first]].first_unit;
    std::size_t end = name.first - 1;
    if (end > sentence_start + 1 && units[end - 1].cls == UnitClass::sq_close) --end;
    for (std::size_t u = end; u-- > sentence_start && u + 5 > end;) {
        const UnitClass c = units[u].cls;
        if (c == UnitClass::sq_open || c == UnitClass::dq_open) {
            return u + 1 < end ? std::optional<std::string>(range_text(u + 1, end)) : std::nullopt;
        }
        if (c != UnitClass::word && c != UnitClass::other_number && c != UnitClass::quantity) return std::nullopt;
    }
    return std::nullopt;
}

std::optional<std::string> FactBuilder::reading_in_parenthesis(const Capture& name, std::string_view written) const {
    const auto& units = units_.units;
    const std::size_t sentence_end = units_.sentences[sentence_of_unit_[name.first]].end_unit;
    std::size_t open = name.end;
    if (open < sentence_end && units[open].cls == UnitClass::sq_close) ++open;
    const std::size_t close = alias_close(open, sentence_end);
    if (close == 0) return std::nullopt;
    for (std::size_t u = open + 1; u < close; ++u) {
        const UnitClass c = units[u].cls;
        if (c != UnitClass::word && c != UnitClass::other_number && c != UnitClass::quantity &&
            !(c == UnitClass::symbol && is_one_of(unit_text(u), {"-", "."}))) {
            return std::nullopt;
        }
    }
    std::string reading = range_text(open + 1, close);
    // A reading spells the same name: one of the two in Hangul, the other in
    // none, with the same digits (a size or a date in parentheses is no reading).
    const auto digits = [](std::string_view s) {
        std::string d;
        std::copy_if(s.begin(), s.end(), std::back_inserter(d), [](char c) { return c >= '0' && c <= '9'; });
        return d;
    };
    if (is_ascii(reading) == is_ascii(written) || digits(reading) != digits(written) || !plausible_name(reading) ||
        lexicon_.is_not_name(reading) || lexicon_.find(reading, EntityKind::model)) {
        return std::nullopt;
    }
    return reading;
}

bool FactBuilder::names_local_family(std::string_view family) const {
    return std::any_of(local_models_.canonical.begin(), local_models_.canonical.end(), [&](const std::string& known) {
        return known.size() > family.size() && known.starts_with(family) && known[family.size()] == ' ';
    });
}

bool FactBuilder::plain_name(std::size_t u) const {
    const Unit& unit = units_.units[u];
    if (unit.cls != UnitClass::word || !(unit.keyword.empty() || unit.keyword == "orgname") || model_name_at(u)) {
        return false;
    }
    const std::string_view word = unit_text(u);
    // 투자자들, 경쟁사, 금융권, 산업계, 후속작, 협회: people in the plural and
    // compounds of a common kind are no names.
    const bool hangul_name = word.size() >= 2 * kSyllableBytes && is_hangul_syllable_run(word) &&
                             !ends_with_one_of(word, {"들", "사", "권", "계", "작", "회"});
    // Nuvo, TC바티모스: a capital, then a lower-case letter or Hangul; not CES
    // or SDK (an acronym the gazetteer does not know).
    const bool latin_name = word.size() >= 2 && word[0] >= 'A' && word[0] <= 'Z' &&
                            std::any_of(word.begin(), word.end(), [](char c) {
                                return (c >= 'a' && c <= 'z') || (static_cast<unsigned char>(c) & 0x80) != 0;
                            });
    // 슈바르츠발트 AI: a name of words, its ending a company's.
    const bool spaced_company = unit.keyword == "orgname" && word.find(' ') != std::string_view::npos;
    return (hangul_name || latin_name || spaced_company) && !lexicon_.is_not_name(word);
}

bool FactBuilder::is_chip_word(std::size_t u) const {
    // A keyword, or a listed non-model when the gazetteer lists it too (NPU).
    return units_.units[u].keyword == "chip" ||
           (units_.units[u].cls == UnitClass::not_model && lexicon_.word_class(unit_text(u)) == "chip");
}

bool FactBuilder::is_dataset_word(std::size_t u) const {
    return is_one_of(unit_text(u), {"벤치마크", "데이터셋", "평가셋", "테스트셋"});
}

void FactBuilder::note_non_model_names() {
    const auto& units = units_.units;
    for (std::size_t u = 0; u + 1 < units.size(); ++u) {
        if (!is_chip_word(u) && !(units[u].cls == UnitClass::word && is_dataset_word(u))) continue;
        const std::size_t sentence_end = units_.sentences[sentence_of_unit_[u]].end_unit;
        const std::size_t first = u + 1;
        if (first >= sentence_end) continue;  // the name, if any, is in the next sentence
        if (units[first].cls == UnitClass::sq_open) {
            // NPU 'MX-7': the quoted name, a few words at most.
            std::size_t close = first + 1;
            while (close < sentence_end && close <= first + 4 && units[close].cls != UnitClass::sq_close) ++close;
            if (close < sentence_end && units[close].cls == UnitClass::sq_close && close > first + 1) {
                local_not_models_.insert(range_text(first + 1, close));
            }
        } else if (units[first].cls == UnitClass::word && has_latin_or_digit(unit_text(first)) &&
                   unit_text(first).find('-') != std::string_view::npos) {
            local_not_models_.insert(std::string(unit_text(first)));  // NPU MX-7
        }
    }
}

void FactBuilder::add_model(const RuleMatch& match) {
    const Capture* name = match.get("name");
    if (!name) return;
    // 기본 모델인 '베이스'와 …: a variant's word alone names a member of a
    // family named elsewhere, no model of its own.
    if (std::all_of(units_.units.begin() + static_cast<std::ptrdiff_t>(name->first),
                    units_.units.begin() + static_cast<std::ptrdiff_t>(name->end),
                    [](const Unit& unit) { return unit.keyword == "variant"; })) {
        return;
    }
    // A name the gazetteer knows is emitted as such, with its canonical form;
    // one that holds a listed non-model (B200, 모두의 AI) is no model.
    for (std::size_t u = name->first; u < name->end; ++u) {
        const UnitClass c = units_.units[u].cls;
        if (c == UnitClass::model || c == UnitClass::team || c == UnitClass::org ||
            c == UnitClass::not_model || c == UnitClass::benchmark || c == UnitClass::dq_open) {
            return;
        }
    }
    // K2.5 in `NX K2.5`: the tail of a name already known is no model of its own.
    if (name->first > 0 && model_name_at(name->first - 1) && name_end_unit(name->first - 1) > name->first) return;
    // ‘리벨 쿼드(REBEL-Quad)’: the other spelling of a listed non-model.
    if (name->first > 1 && unit_text(name->first - 1) == "(" && units_.units[name->first - 2].cls == UnitClass::not_model) {
        return;
    }
    // `통신 상담 벤치마크 'TelcoQA-Ko'에서`, `레드티밍 데이터셋 'KJB-2'로`,
    // `신경망처리장치(NPU) ‘HX-200’`: the name of a benchmark, a dataset or a chip.
    const std::size_t sentence_first = units_.sentences[match.sentence].first_unit;
    std::size_t name_start = name->first;
    while (name_start > sentence_first && units_.units[name_start - 1].cls == UnitClass::sq_open) --name_start;
    if (name_start > sentence_first + 3 && unit_text(name_start - 1) == ")" && unit_text(name_start - 3) == "(") {
        name_start -= 3;
    }
    // `한국어 평가 VoiceBench-Ko에서는`, `평가 세트 '로보플랜-K'에서`, `추론을
    // 평가하는 KoBALT-700에서`: the same where the name is where a test took
    // place (`2차 평가 Haram-32B 74.2점` names a model).
    std::size_t after_name = name->end;
    while (after_name < units_.units.size() && units_.units[after_name].cls == UnitClass::sq_close) ++after_name;
    // `한국서비스품질지수(KS-SQI)에서 79.5점`: a name glossing the word before it.
    if (name->first > sentence_first && unit_text(name->first - 1) == "(" && after_name < units_.units.size() &&
        unit_text(after_name) == ")") {
        ++after_name;
    }
    // `평가 FLORES-200의 아랍어-한국어 구간에서`: where in it, then 에서;
    // `'KSAT-리즈닝' 평가에서`, `'ASEAN-CU 벤치'에서`: the name of the test.
    std::size_t tested_at = after_name;
    if (tested_at + 1 < units_.units.size() &&
        (is_one_of(unit_text(tested_at), {"평가", "벤치", "벤치마크", "테스트"}) || units_.units[tested_at].keyword == "benchword")) {
        ++tested_at;
        while (tested_at < units_.units.size() && units_.units[tested_at].cls == UnitClass::sq_close) ++tested_at;
    }
    if (tested_at < units_.units.size() && is_particle(tested_at, {"의"})) {
        for (std::size_t x = tested_at + 1; x < units_.units.size() && x <= tested_at + 4; ++x) {
            if (units_.units[x].cls != UnitClass::word && units_.units[x].cls != UnitClass::particle) break;
            if (is_particle(x, {"에서", "에서는", "에서도"})) {
                tested_at = x;
                break;
            }
        }
    }
    // `평가 세트 '홈태스크-K'로 측정했다`: what a test was taken with.
    const bool tested_in = tested_at < units_.units.size() &&
                           (is_particle(tested_at, {"에서", "에서는", "에서도"}) ||
                            (is_particle(tested_at, {"로", "으로"}) && tested_at + 1 < units_.units.size() &&
                             (unit_text(tested_at + 1).starts_with("측정") || unit_text(tested_at + 1).starts_with("평가"))));
    // 딥엑스 ‘DX-M1’ 위에서 돌아가는 모델: what a model runs on is a chip or a
    // device (an app runs on its 언어모델 '누리-7B', a model named as one).
    bool runs_on = false;
    if (after_name + 2 < units_.units.size() && unit_text(after_name) == "위" && is_particle(after_name + 1, {"에서"}) &&
        sentence_of_unit_[after_name + 2] == match.sentence &&
        !(name_start > sentence_first && units_.units[name_start - 1].keyword == "modelword")) {
        const std::string_view verb = unit_text(after_name + 2);
        runs_on = verb.starts_with("돌아가") || verb.starts_with("구동") || verb.starts_with("작동") || verb.starts_with("실행");
    }
    // `'K-상식500'에서 정답률 81.7%를`, `‘LIBERO-Long’에서도 91.8%를`: where a
    // figure was scored, right after it.
    const std::size_t sentence_end = units_.sentences[match.sentence].end_unit;
    bool scored_in = false;
    // (A percentage only where the sentence records it: 91.8%를 기록해, not
    // 전작 '누리-3B'에서도 30% 빨라졌다.)
    for (std::size_t u = tested_at + 1; tested_in && !scored_in && u < sentence_end && u <= tested_at + 3; ++u) {
        scored_in = units_.units[u].keyword == "score" || is_score_quantity(u) ||
                    (units_.units[u].cls == UnitClass::quantity &&
                     quantities_[static_cast<std::size_t>(units_.units[u].quantity)].unit == "%" &&
                     u + 2 < sentence_end && is_particle(u + 1, {"을", "를"}) &&
                     units_.units[u + 2].keyword == "achieve");
    }
    if (scored_in || runs_on ||
        (name_start > sentence_first &&
         (is_dataset_word(name_start - 1) ||
          (tested_in && (is_one_of(unit_text(name_start - 1), {"평가", "세트"}) ||
                         unit_text(name_start - 1).starts_with("평가하") || unit_text(name_start - 1).starts_with("측정하"))) ||
          is_chip_word(name_start - 1)))) {
        local_not_models_.insert(range_text(name->first, name->end));
        return;
    }
    // A company named like the name's first word makes it its model where its
    // sentence or the next speaks of models ('셀레스트 나노' beside 주력 모델, 12억
    // 파라미터), not of products (요금제 '셀레스트 플러스', 앱 '미르 라이트').
    const auto company_model = [&] {
        const std::size_t last = std::min(match.sentence + 1, units_.sentences.size() - 1);
        bool models = false;
        for (std::size_t u = units_.sentences[match.sentence].first_unit; u < units_.sentences[last].end_unit && !models;
             ++u) {
            models = units_.units[u].keyword == "modelword" || units_.units[u].keyword == "param" ||
                     is_score_quantity(u) || is_model_size_quantity(u);
        }
        return models && hangul_namesake_developer(range_text(name->first, name->end));
    };
    // `series`: the name goes on a model named before in the article, or on
    // its family ('라온 3 미니' after '라온 3', '라움 베이스' after '라움 씽크'),
    // or on the name of the company that makes it ('셀레스트 나노' of 셀레스트AI).
    if (const Capture* series = match.get("series")) {
        // After the series, a variant word or a size letter ('빛나래 S'), not
        // any word in capitals ('누리 TV', '라온 3 PC').
        const Unit& last = units_.units[name->end - 1];
        if (last.keyword != "variant" && !is_one_of(unit_text(name->end - 1), {"S", "M", "L", "XL", "XS", "XXL"})) return;
        const std::string named = range_text(series->first, series->end);
        std::uint32_t known;
        if (!local_models_.index.find(named, known) && !names_local_family(named) && !company_model()) return;
    }
    std::string written = range_text(name->first, name->end);
    // `CareLink-Med 27B(270억 개)`: the numbers stage reads a size with its
    // Korean spelling in parentheses as one quantity; the name ends before them.
    const std::size_t name_norm_start = units_.units[name->first].norm_start;
    std::size_t name_norm_end = units_.units[name->end - 1].norm_end;
    if (units_.units[name->end - 1].cls == UnitClass::quantity && written.ends_with(")")) {
        const std::size_t paren = written.rfind('(');
        if (paren != std::string::npos && paren > units_.units[name->end - 1].norm_start - name_norm_start) {
            written.resize(paren);
            name_norm_end = name_norm_start + paren;
        }
    }
    // '로아(LoA) 32B': a size or a variant after the spelling in parentheses
    // goes on both names.
    const Capture* tail = match.get("tail");
    const std::string tail_text = tail ? " " + range_text(tail->first, tail->end) : std::string();
    written += tail_text;
    if (local_not_models_.contains(written)) return;
    // K-DTCBench, VoiceBench-Ko, K-리터러시벤치: a name made with Bench is a benchmark's.
    constexpr std::string_view kBench = "bench";
    const auto bench = std::search(written.begin(), written.end(), kBench.begin(), kBench.end(),
                                   [](char a, char b) { return (a | 0x20) == b; });
    if (bench != written.end() || written.find("벤치") != std::string::npos) return;
    std::optional<std::string> alias;
    if (const Capture* a = match.get("alias")) alias = range_text(a->first, a->end) + tail_text;
    if (!plausible_name(written)) return;
    // A name of Hangul words only ('통합 검색 서비스'를 출시) is a model only
    // where a model word stands next to it ('딥씽크' 모델, 모델 '딥씽크'), its
    // parameters or its score follow ('미리온'은 매개변수 320억 개로,
    // '그라운드원'은 70.1점, '새벽 울트라'(1.3조 개)), it is ranked (5위 누리샘(모아이랩스) 74.1점) or
    // it ends with a variant word.
    // A variant after the first word of a model named before in the article
    // (누리 라이트 … '누리 맥스'): another model of that family; a variant alone
    // does not make a product a model ('로켓 플러스').
    bool variant_last = false;
    if (units_.units[name->end - 1].keyword == "variant" && name->end - name->first >= 2) {
        variant_last = names_local_family(unit_text(name->first)) || company_model();
    }
    // '추론(reasoning)' 모델: a lower-case English word in parentheses glosses
    // a kind of model; it names none.
    if (alias && std::all_of(alias->begin(), alias->end(), [](char c) { return (c >= 'a' && c <= 'z') || c == ' '; })) {
        return;
    }
    // Whether its sentence speaks of models near it: a rank before it, a
    // model word within three units, or its parameters, score or size after
    // it; or it was made from a model and is named so alone (`'라마 4'를
    // 미세조정한 '한길-챗'이`, not `… '닥터톡' 서비스를`).
    const auto model_words_near = [&] {
        const auto& sentence = units_.sentences[match.sentence];
        bool model_words = (name->first > sentence.first_unit &&
                            units_.units[name->first - 1].cls == UnitClass::other_number &&
                            unit_text(name->first - 1).ends_with("위")) ||
                           (name_start > sentence.first_unit && units_.units[name_start - 1].keyword == "derive" &&
                            after_name < sentence.end_unit && units_.units[after_name].cls == UnitClass::particle);
        for (std::size_t u = name->first > sentence.first_unit + 3 ? name->first - 3 : sentence.first_unit;
             u < sentence.end_unit && u < name->end + 3 && !model_words; ++u) {
            model_words = units_.units[u].keyword == "modelword" ||
                          (u >= name->end && (units_.units[u].keyword == "param" || is_score_quantity(u) ||
                                              is_model_size_quantity(u)));
        }
        return model_words;
    };
    const bool words_only = !has_latin_or_digit(written) && !(alias && has_latin_or_digit(*alias)) && !variant_last;
    // '작고 빠른' 모델, '경량' 모델: an adjective or a kind describes a model.
    if (words_only && lexicon_.is_not_name(unit_text(name->end - 1))) return;
    // 신형 Nova-K는, 차세대 AX-2는: a word that describes a model (not_names.txt)
    // opens no model's name.
    if (name->end - name->first >= 2 && units_.units[name->first].cls == UnitClass::word &&
        lexicon_.is_not_name(unit_text(name->first))) {
        return;
    }
    // '노바브레인 에듀 2' (an app), '한빛AI 워크스 X' (a tool): a name that begins
    // like a company's needs a size in it ('픽셀마인드 14B') or model words
    // near it, as a name of words only does.
    bool company_like = units_.units[name->first].keyword == "orgname";
    for (std::size_t u = name->first; u < name->end && company_like; ++u) company_like = !is_model_size_quantity(u);
    if ((words_only || company_like) && !model_words_near()) return;
    // A date or an ordinal opens no model's name ('2027년도 예산안').
    if (units_.units[name->first].cls == UnitClass::other_number) return;
    std::string canonical = written;
    if (alias) {
        if (const Entity* e = lexicon_.find(*alias, EntityKind::model)) canonical = e->name;
    }
    // `코난 'ENT-12'` where the article names 'Konan LLM ENT-12': the last
    // words of a listed model's name the article names are that model, unless
    // another team named before it in its sentence makes it its own (케이투랩스는
    // 자체 모델 'K2'를 beside Kimi K2).
    const auto other_team_named_before = [&](const std::string& model) {
        const auto developer = team_of_model(model);
        for (std::size_t u = name->first; u-- > sentence_first;) {
            if (const std::string* team = team_name_at(u); team && (!developer || *team != *developer)) return true;
        }
        return false;
    };
    if (!alias && canonical == written) {
        if (const std::string* full = listed_model_ending_with(written); full && !other_team_named_before(*full)) {
            canonical = *full;
        }
    }
    // `칼랑크 3는 … 'Calanque-3-420B-A28B'라는 이름으로 공개됐다`: another name of
    // the model named last, in its sentence or the one before.
    if (canonical == written && after_name + 1 < units_.units.size() && is_particle(after_name, {"라는", "이라는"}) &&
        unit_text(after_name + 1).starts_with("이름")) {
        const std::size_t s = sentence_of_unit_[name->first];
        const std::size_t from = units_.sentences[s > 0 ? s - 1 : s].first_unit;
        for (std::size_t u = name->first; u-- > from;) {
            if (const std::string* named = model_name_at(u)) {
                canonical = *named;
                break;
            }
        }
    }
    // The quoted words before the parenthesis around it, if any, name the
    // same model: one canonical name for both, whichever was found first.
    // ('새미로'(Saemiro-7B) then '새미로'(Saemiro-70B): a family's name paired
    // with another spelling before names no one model.)
    const auto before = words_before_parenthesis(*name);
    if (before) {
        const auto [paired, first] = spelling_paired_with_.try_emplace(*before, written);
        if (first || paired->second == written) canonical = *local_models_.add(*before, canonical);
    }
    // Its reading after it names the same model, under the first name found
    // (a headline may name the reading first), unless the reading was paired
    // with another spelling before.
    const auto reading = alias ? std::nullopt : reading_in_parenthesis(*name, written);
    if (reading) {
        const auto [paired, first] = spelling_paired_with_.try_emplace(*reading, written);
        if (first || paired->second == written) canonical = *local_models_.add(*reading, canonical);
    }
    canonical = *local_models_.add(written, canonical);
    if (alias) local_models_.add(*alias, canonical);
    // Its spelling without the size names it too, unless it names another
    // (ARA-Guard for '아라가드(ARA-Guard) 3B'; the first size so written
    // keeps it, where two sizes are).
    if (alias && tail) local_models_.add(alias->substr(0, alias->size() - tail_text.size()), canonical);

    std::optional<std::string> team;
    const Capture* t = match.get("team");
    // With no developer in the rule, a plain word right before the quotation
    // that the name begins with (its first two syllables or three letters)
    // is the developer: 마루엣지 '마루-S 8B'.
    // So is the sentence's subject before it (라온로직은 … '라온-Code 15B'로).
    std::optional<Capture> namesake;
    const auto shares_stem = [&](std::string_view word) {
        const std::size_t stem = (static_cast<unsigned char>(word[0]) & 0x80) ? 6 : 3;
        return word.size() > stem && written.size() >= stem && written.compare(0, stem, word.substr(0, stem)) == 0;
    };
    const auto named_like_it = [&](std::size_t u) {
        if (units_.units[u].cls != UnitClass::word || !units_.units[u].keyword.empty() || model_name_at(u)) return false;
        const std::string_view word = unit_text(u);
        // 한국어 '한국어-LLM 7B': a word the name begins with whole is no developer.
        return shares_stem(word) && !written.starts_with(word) && !lexicon_.is_not_name(word);
    };
    if (!t && name->first >= sentence_first + 2 && units_.units[name->first - 1].cls == UnitClass::sq_open &&
        named_like_it(name->first - 2)) {
        namesake = Capture{name->first - 2, name->first - 1};
        t = &*namesake;
    }
    // Not past a developer named like it between (`카카오뱅크는 카카오가 개발한
    // '카카오-Mini 3B'`, `한국은행은 한국전자통신연구원이 만든 '한국-LLM 13B'`).
    for (std::size_t u = name->first; !t && u-- > sentence_first;) {
        if ((team_name_at(u) || units_.units[u].cls == UnitClass::org) &&
            (shares_stem(unit_text(u)) || written.starts_with(unit_text(u)))) {
            break;
        }
        if (is_subject_marker(u + 1) && named_like_it(u)) {
            namesake = Capture{u, u + 1};
            t = &*namesake;
        }
    }
    if (t) {
        // The developer named with it (모아이랩스 in `누리샘(모아이랩스) 74.1점`) is a team.
        if (units_.units[t->first].cls == UnitClass::word) add_team_name(*t, match.rule->id);
        team = team_at(t->first);
        if (!team) team = range_text(t->first, t->end);
    }
    if (!team) team = team_of_model(canonical);
    // Else the company its name comes from, the team named before it in its
    // sentence (`벼리랩스의 '벼리-V'`), or its topic.
    if (!team) {
        if (const auto developer = glossed_developer(written)) {
            if (!team_name_at(*developer)) add_team_name(Capture{*developer, *developer + 1}, "team.glossed-namesake");
            team = team_at(*developer);
        }
    }
    // A company named like it anywhere in the article (도담에이아이 … '도담-1T';
    // 하이퍼엣지는 아리솔AI와 협력해 '아리솔-3 미니'를 최적화했으며), even where
    // its sentence's subject is another.
    if (!team) {
        if (const auto company = hangul_namesake_developer(written)) {
            if (!team_name_at(*company)) add_team_name(Capture{*company, *company + 1}, "team.hangul-namesake");
            team = team_at(*company);
        }
    }
    // A developer no list knows, at unit u: a team of its own unless a name
    // glossed or listed earlier already makes it one.
    const auto developer_at = [&](std::size_t u, const char* rule) {
        if (auto known = team_at(u)) return known;
        add_team_name(Capture{u, u + 1}, rule);
        if (auto added = team_at(u)) return added;
        // 테살리아 랩스: a kind alone joined the name before it (add_team_name).
        if (u > sentence_first && units_.units[u - 1].cls == UnitClass::word) {
            if (auto widened = team_at(u - 1)) return widened;
        }
        return std::optional<std::string>(range_text(u, u + 1));
    };
    // A word that stands before a name without being part of it: a date, a
    // kind of company (농업 드론 기업, 포털), a verb modifying it (2위에 오른)
    // or, with `listed`, any word not_names lists (미국, 반면, 지난달); not
    // 한국어 특화의.
    const auto modifies_name = [&](std::size_t v, bool listed) {
        if (units_.units[v].cls == UnitClass::other_number) return true;
        if (units_.units[v].cls != UnitClass::word) return false;
        const std::string_view word = unit_text(v);
        return (listed && lexicon_.is_not_name(word)) || adnominal_verb(word) ||
               ends_with_one_of(word, {"른", "인", "운"}) ||
               ends_with_one_of(word, {"기업", "스타트업", "업체", "벤처", "포털", "플랫폼", "자회사", "계열사", "개발사",
                                       "제조사", "운영사", "따르면"});
    };
    // 타티젠주지의 '로라 프로 2', 노사크의 추론 모델 '노사크-R1', 나사닷의
    // VO-Azab 72B: a plain word with 의 right before the name of a model, or
    // before the quotation of it or the words describing it (a model word
    // last), is its developer.
    if (!team) {
        std::size_t phrase = name->first;  // where the phrase after 의 starts
        const bool quoted = phrase > sentence_first && units_.units[phrase - 1].cls == UnitClass::sq_open;
        if (quoted) {
            --phrase;
            if (phrase > sentence_first && units_.units[phrase - 1].keyword == "modelword") {
                std::size_t w = phrase - 1;
                while (w > sentence_first && w + 4 > phrase && units_.units[w - 1].cls == UnitClass::word &&
                       units_.units[w - 1].keyword.empty()) {
                    --w;
                }
                phrase = w;
            }
        }
        if (phrase >= sentence_first + 2 && units_.units[phrase - 1].cls == UnitClass::particle &&
            unit_text(phrase - 1) == "의") {
            // Its spelling in parentheses may stand before 의: 슈바르츠발트 AI(Schwarzwald AI)의.
            std::size_t developer = phrase - 2;
            if (unit_text(developer) == ")") {
                std::size_t open_paren = developer;
                while (open_paren > sentence_first && open_paren + 5 > developer && unit_text(open_paren) != "(") {
                    --open_paren;
                }
                developer = unit_text(open_paren) == "(" && open_paren > sentence_first ? open_paren - 1 : developer;
            }
            // Past a description or before a name not quoted, the developer
            // heads its phrase (not 한국어 특화의 경량 모델 '…').
            const bool direct = quoted && phrase + 1 == name->first;
            const bool heads = developer == sentence_first || units_.units[developer - 1].cls != UnitClass::word ||
                               modifies_name(developer - 1, true);
            if (plain_name(developer) && (direct || heads)) {
                team = developer_at(developer,
                                    quoted ? "team.developer-before-quoted-model" : "team.developer-before-model");
            }
        }
    }
    // ▲토타 'Veoei 4', 대상은 리노비젠지 '타라 오픈 100B', 카유도티지 '티라
    // 오픈 100B'는 29.4점: so is one right before the quotation where the two
    // make a list's item: after a bullet, a separator or a rank, or after a
    // particle or at the sentence's start where a separator or a figure
    // follows the quotation (not 루미넥스는 음성 '소리-2'를 공개했다, 춘천
    // '솔바람' 모델로). Not a word that ends as a verb modifying the name does
    // (나선, 만든, 줄인), as a connective (따라, 나오면서), as a kind of version
    // (온디바이스용, 경량판, 추론형) or as a university's (한양대: labs are named
    // with their university).
    // The quotation's closing mark after the name (the sentence's end where none is).
    std::size_t close = name->end;
    while (close < sentence_end && units_.units[close].cls != UnitClass::sq_close) ++close;
    const auto heads_item = [&](std::size_t u) {
        const std::string_view word = unit_text(u);
        if (adnominal_verb(word) ||
            ends_with_one_of(word, {"든", "한", "된", "는", "던", "인", "운", "린", "간", "킨", "춘", "은", "준", "낸", "선",
                                    "친", "난", "긴", "뀐", "할", "서", "며", "라", "용", "판", "형", "대"})) {
            return false;
        }
        const Unit* before = u > sentence_first ? &units_.units[u - 1] : nullptr;
        if (before && ((before->cls == UnitClass::symbol && unit_text(u - 1) != ")") ||
                       before->cls == UnitClass::other_number)) {
            return true;
        }
        if (before && before->cls != UnitClass::particle) return false;
        const auto figure_at = [&](std::size_t v) {
            return v < sentence_end && units_.units[v].cls == UnitClass::quantity;
        };
        return close + 1 < sentence_end &&
               ((units_.units[close + 1].cls == UnitClass::symbol && is_one_of(unit_text(close + 1), {",", "·", "("})) ||
                figure_at(close + 1) || (units_.units[close + 1].cls == UnitClass::particle && figure_at(close + 2)));
    };
    if (!team && name->first >= sentence_first + 2 && units_.units[name->first - 1].cls == UnitClass::sq_open &&
        plain_name(name->first - 2) && heads_item(name->first - 2)) {
        team = developer_at(name->first - 2, "team.word-before-quoted-model");
    }
    // 젠벤나바차가 자체 개발한 '아스테라-3B', TC바티모스는 '주주젠'을 내놨다:
    // a plain word marked as subject that starts its clause (or, marked with
    // 이/가, follows a word that modifies a name), at most seven units before
    // the quotation, with a launch word in its clause, develops it.
    if (!team && name->first >= sentence_first + 1 && units_.units[name->first - 1].cls == UnitClass::sq_open) {
        const std::size_t open = name->first - 1;
        // A launch word in the active voice: 공개된, 출시된 say the subject did not release it.
        const auto launch_at = [&](std::size_t u) {
            return u >= sentence_first && u < sentence_end && units_.units[u].keyword == "launch" &&
                   !ends_with_one_of(unit_text(u), {"된", "되는", "될", "돼", "되어"});
        };
        // The launch word modifies the name's noun (공개한 안전 필터 모델 '…'),
        // or follows its object past a date or an adverb ('…'를 17일
        // 공개했다, '…' 제품군을 잇달아 내놓으며).
        bool launched = launch_at(open - 1) || (open >= 2 && launch_at(open - 2)) || launch_at(close + 1) ||
                        launch_at(close + 2);
        bool launched_in_clause = false;
        for (std::size_t u = open; !launched_in_clause && u-- > sentence_first && u + 5 > open;) {
            if (units_.units[u].cls != UnitClass::word) break;
            launched_in_clause = launch_at(u);
        }
        std::size_t after = close + 1;
        if (after < sentence_end && units_.units[after].cls == UnitClass::word && !launch_at(after)) ++after;
        if (after < sentence_end && is_particle(after, {"을", "를"})) {
            for (std::size_t u = after + 1; !launched_in_clause && u < sentence_end && u < after + 4; ++u) {
                launched_in_clause = launch_at(u);
                if (units_.units[u].cls != UnitClass::word && units_.units[u].cls != UnitClass::other_number) break;
            }
        }
        launched = launched || launched_in_clause;
        std::size_t steps = 0;  // units looked at, less spellings in parentheses
        for (std::size_t u = open; launched && !team && u-- > sentence_first && ++steps < 8;) {
            if (unit_text(u) == ")") {  // a spelling in parentheses: look on before it
                std::size_t open_paren = u;
                while (open_paren > sentence_first && open_paren + 8 > u && unit_text(open_paren) != "(") --open_paren;
                if (unit_text(open_paren) != "(" || open_paren == sentence_first) break;
                u = open_paren;
                continue;
            }
            // 투자자들은 구글이 공개한 '젬-2B': a developer named nearer the quotation is it.
            if (units_.units[u].cls == UnitClass::symbol || units_.units[u].cls == UnitClass::quantity ||
                units_.units[u].cls == UnitClass::org || team_at(u)) {
                break;
            }
            const auto starts_clause = [&](std::size_t v) {
                return v == sentence_first ||
                       (units_.units[v - 1].cls == UnitClass::symbol && is_one_of(unit_text(v - 1), {",", "·"}));
            };
            // 세바 시스템즈가: a kind alone after the name that starts the clause.
            const bool clause_starts = starts_clause(u) || (u > sentence_first && kind_alone(unit_text(u)) &&
                                                            units_.units[u - 1].cls == UnitClass::word &&
                                                            starts_clause(u - 1));
            // After a word that modifies a name (포털 나바모온이, 업계에 따르면
            // 유네미바가), only the subject of the launch word's own clause,
            // marked with 이 or 가, where the name is its object or modified by
            // it (not 연구소는 … 중저가 기기용 모델 '…'도 공개했다). A listed
            // word before a name of two syllables is as often a word of a
            // sentence (함께 제자가, 신형 중저|가).
            const bool after_modifier =
                !clause_starts && launched_in_clause &&
                modifies_name(u - 1, unit_text(u).size() >= 3 * kSyllableBytes);
            // Its spelling in parentheses may stand before the particle: 프리퍼드네트웍스(PFN)가.
            std::size_t marker = u + 1;
            if (marker < open && unit_text(marker) == "(") {
                while (marker < open && marker < u + 8 && unit_text(marker) != ")") ++marker;
                ++marker;
            }
            if (marker < open && plain_name(u) &&
                ((clause_starts && is_particle(marker, {"은", "는", "이", "가"})) ||
                 (after_modifier && is_particle(marker, {"이", "가"})))) {
                team = developer_at(u, "team.subject-releasing-quoted-model");
            }
        }
        // 만든다 says who makes it as 개발했다 does, for a company the
        // sentence before named.
        const bool made = close + 2 < sentence_end && is_particle(close + 1, {"을", "를"}) &&
                          (unit_text(close + 2).starts_with("만든") || unit_text(close + 2).starts_with("만들"));
        const bool owned = open >= sentence_first + 1 && is_particle(open - 1, {"의"});
        if ((launched || made || owned) && !team) {
            if (const auto company = company_named_before(match.sentence, open)) {
                team = developer_at(*company, "team.company-named-before");
            }
        }
    }
    const std::size_t s = match.sentence;
    for (std::size_t u = name->first; !team && u-- > units_.sentences[s].first_unit;) team = team_at(u);
    if (!team && topic_team_[s]) team = team_at(*topic_team_[s]);
    if (team) local_model_team_.emplace(canonical, *team);

    if (!options_.types.contains(FactType::model)) return;
    // '한빛-1(Hanbit-1)': the span takes both spellings and the parenthesis
    // that closes the second (the tail of '로아(LoA) 32B' comes after it).
    const Capture& whole = alias ? Capture{name->first, tail ? tail->end : match.get("alias")->end + 1} : *name;
    const ByteSpan span = alias ? range_span(whole.first, whole.end) : text_.to_source(name_norm_start, name_norm_end);
    Fact& fact = emit(FactType::model, span, match.rule->id, whole.first, whole.end);
    fact.model = canonical;
    fact.team = team;
}

std::optional<std::size_t> FactBuilder::company_named_before(std::size_t sentence, std::size_t before) const {
    if (sentence == 0) return std::nullopt;
    const auto& units = units_.units;
    const std::size_t first = units_.sentences[sentence].first_unit;
    // The subject 이 회사는, and no name between it and `before` (이 회사는
    // 카카오가 만든 '…'를 쓴다 names its developer).
    bool subject = false;
    for (std::size_t u = first + 1; u + 1 < before; ++u) {
        if (subject && (units[u].cls == UnitClass::team || units[u].cls == UnitClass::org ||
                        units[u].keyword == "orgname")) {
            return std::nullopt;
        }
        // 이 회사는 … '…'를, or 이 회사의 '…' right before it.
        subject = subject || (unit_text(u - 1) == "이" && is_one_of(unit_text(u), {"회사", "스타트업", "업체"}) &&
                              (is_particle(u + 1, {"은", "는", "이", "가"}) ||
                               (u + 2 == before && is_particle(u + 1, {"의"}))));
    }
    if (!subject) return std::nullopt;
    // In the sentence before, the only company-like name (listed, ending like
    // a company's, or glossed in Latin letters) there, where it is the topic
    // (누리온랩스(Nurion Labs)는, …도), what the sentence ends on (…
    // 세븐브릿지AI(7Bridge AI) 얘기다), or, ending like a company's, its subject
    // (아람정보기술이 가장 발 빠르게 움직인다). Not a listed company or a glossed
    // name acting in it (초기 투자는 구글이 맡았다, 한빛벤처스(Hanbit Ventures)가
    // 주도했다, 창업자 도윤희(Doyun Hee)가).
    const SentenceTags& previous = units_.sentences[sentence - 1];
    std::optional<std::size_t> named;
    std::optional<std::size_t> topic;
    bool several = false;
    for (std::size_t u = previous.first_unit; u < previous.end_unit; ++u) {
        const bool company = team_name_at(u) || units[u].keyword == "orgname";
        const bool glossed = u + 2 < previous.end_unit && unit_text(u + 1) == "(" && capitalised_word(u + 2);
        if (!(company || (glossed && plain_name(u)))) continue;
        several = several || (named && unit_text(*named) != unit_text(u));
        named = u;
        // Past its spelling in parentheses, if closed within a few units.
        std::size_t after = u + 1;
        if (after < previous.end_unit && unit_text(after) == "(") {
            const std::size_t close = alias_close(after, std::min(previous.end_unit, u + 7));
            if (close == 0) continue;
            after = close + 1;
        }
        const bool ends_on = company && after + 2 >= previous.end_unit;
        const bool company_acting =
            units[u].keyword == "orgname" && after < previous.end_unit && is_particle(after, {"이", "가"});
        if ((after < previous.end_unit && is_particle(after, {"은", "는", "도"})) || ends_on || company_acting) {
            topic = u;
        }
    }
    return several ? std::nullopt : topic;
}

// 윤슬AI(Yunseul AI) … 'Yunseul-2-30B-A3B': a company glossed in Latin
// letters develops the models whose names begin with its gloss's first word
// (three letters or more, a capital and lower case: an acronym glosses a
// product as often, '엘시아(ELCIA) 14B'), wherever in the article either is.
// Found once a document, when a model first asks.
std::optional<std::size_t> FactBuilder::glossed_developer(std::string_view model) {
    // Both the gloss and the name's prefix are letters only, so match_key
    // (the gazetteer's key) is their lower-cased form.
    const auto is_letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
    const std::size_t prefix = static_cast<std::size_t>(
        std::find_if_not(model.begin(), model.end(), is_letter) - model.begin());
    if (prefix < 3 || prefix == model.size()) return std::nullopt;
    if (!glossed_orgs_) {
        glossed_orgs_.emplace();
        const auto& units = units_.units;
        for (std::size_t u = 1; u + 2 < units.size(); ++u) {
            if (units[u].cls != UnitClass::symbol || units[u - 1].cls != UnitClass::word || unit_text(u) != "(" ||
                !(units[u - 1].keyword.empty() || units[u - 1].keyword == "orgname")) {
                continue;
            }
            const std::string_view org = unit_text(u - 1);
            const std::string_view gloss = unit_text(u + 1);
            if (is_ascii(org) ||
                lexicon_.is_not_name(org) || gloss.size() < 3 || gloss[0] < 'A' || gloss[0] > 'Z' ||
                !std::all_of(gloss.begin(), gloss.end(), is_letter) ||
                std::none_of(gloss.begin(), gloss.end(), [](char c) { return c >= 'a' && c <= 'z'; }) ||
                (u >= 2 && units[u - 2].cls == UnitClass::sq_open)) {
                continue;
            }
            std::size_t close = u + 2;
            for (; close < units.size() && close < u + 5 && sentence_of_unit_[close] == sentence_of_unit_[u]; ++close) {
                const std::string_view word = unit_text(close);
                if (word.empty() || !std::all_of(word.begin(), word.end(), is_letter)) break;
            }
            // A company's name (윤슬AI, 물결랩스) or a company's gloss (Dasom
            // Voice); one word glossing a plain word is a product's or a
            // family's (팔콘(Falcon) 시리즈, 한국어(Korean)).
            const bool company = units[u - 1].keyword == "orgname" || close > u + 2;
            if (company && close < units.size() && unit_text(close) == ")") glossed_orgs_->emplace(match_key(gloss), u - 1);
        }
    }
    const auto it = glossed_orgs_->find(match_key(model.substr(0, prefix)));
    return it == glossed_orgs_->end() ? std::nullopt : std::optional<std::size_t>(it->second);
}

// 도담에이아이 … '도담-1T', 온새미로AI … '온새미-2': an organisation named
// like a company (an `orgname` word) whose name begins with the first part of
// the model's, two Hangul syllables or more, develops it, wherever in the
// article either is. Found once a document, when a model first asks.
std::optional<std::size_t> FactBuilder::hangul_namesake_developer(std::string_view model) {
    const std::string_view part = model.substr(0, model.find_first_of("- "));
    if (part.size() == model.size() || part.size() < 2 * kSyllableBytes || !is_hangul_syllable_run(part)) {
        return std::nullopt;
    }
    // The organisations by their first two syllables, so that a lookup is one probe.
    if (!orgname_words_) {
        orgname_words_.emplace();
        std::unordered_set<std::string_view> seen;  // each word once, however often it is named
        for (std::size_t u = 0; u < units_.units.size(); ++u) {
            const std::string_view word = unit_text(u);
            if (units_.units[u].cls == UnitClass::word && units_.units[u].keyword == "orgname" &&
                word.size() > 2 * kSyllableBytes && seen.insert(word).second && !lexicon_.is_not_name(word)) {
                orgname_words_->emplace(std::string(word.substr(0, 2 * kSyllableBytes)), u);
            }
        }
    }
    const auto [first, last] = orgname_words_->equal_range(std::string(part.substr(0, 2 * kSyllableBytes)));
    for (auto it = first; it != last; ++it) {
        const std::string_view org = unit_text(it->second);
        if (org.size() > part.size() && org.starts_with(part)) return it->second;
    }
    return std::nullopt;
}

// 차지했고, 그쳤고, 지원했는데: a connective after a past tense (a syllable
// that ends in ㅆ), which no name ends with.
static bool ends_with_past_connective(std::string_view word) {
    constexpr unsigned kFinalSsangSios = 20;  // ㅆ
    for (std::string_view ending : {std::string_view("고"), std::string_view("는데"), std::string_view("지만")}) {
        if (!word.ends_with(ending) || word.size() <= ending.size()) continue;
        const text::CodePoint before = text::code_point_before(word, word.size() - ending.size());
        if (is_hangul_syllable(before.cp) && syllable_final_index(before.cp) == kFinalSsangSios) return true;
    }
    return false;
}

// `KT, NC AI, 메디노아, 한결리걸AI 등 4개 팀`: in a list (`,` or `·`) that
// ends with 등 or a count of teams, the items are teams when one of them is
// a team already or the list ends 등 N개 팀. An item is one word or
// name, also written 주식회사 X or X 컨소시엄 (the team is X); one that is
// no word (a model, a number) or no plausible name ends the list.
void FactBuilder::add_listed_teams() {
    const auto& units = units_.units;
    const auto is_separator = [&](std::size_t u) {
        return units[u].cls == UnitClass::symbol && is_one_of(unit_text(u), {",", "·", "▲", "△"});
    };
    // A verb that joins clauses (진행되며, 열리면서, 차지했고, 지원했는데)
    // ends a clause, not a name.
    const auto is_name = [&](std::size_t u) {
        if (units[u].cls == UnitClass::team || units[u].keyword == "orgname") return true;
        if (units[u].cls != UnitClass::word || !units[u].keyword.empty()) return false;
        const std::string_view word = unit_text(u);
        return !word.ends_with("며") && !word.ends_with("면서") && !ends_with_past_connective(word);
    };
    // `EO AI연구원, 파도텔레콤, 티벤지가 2단계에 진출했다`: a list that is
    // the subject of a programme's outcome names its teams, when one item is
    // written as a company's name and a stage or round comes before the
    // outcome's verb (not `삼성전자, 현대차, 포스코가 나란히 올랐다`); the
    // words below are the outcomes' stems.
    const auto names_company = [&](const std::vector<std::size_t>& list) {
        return std::any_of(list.begin(), list.end(), [&](std::size_t i) {
            return units[i].cls == UnitClass::team || units[i].keyword == "orgname";
        });
    };
    const auto subject_of_programme_outcome = [&](std::size_t after, std::size_t end) {
        if (after >= end || units[after].cls != UnitClass::particle ||
            !is_one_of(unit_text(after), {"이", "가", "은", "는", "도"})) {
            return false;
        }
        bool stage = false;  // 2단계, 1차, 본선, 평가
        for (std::size_t w = after + 1; w < end; ++w) {
            if (units[w].cls == UnitClass::dq_open) return false;
            const std::string_view word = unit_text(w);
            stage = stage || word.ends_with("단계") || (word.ends_with("차") && word.size() > 3 && std::isdigit(static_cast<unsigned char>(word[0]))) ||
                    is_one_of(word, {"본선", "결선", "예선", "평가", "심사", "최종"});
            for (std::string_view stem : {"진출", "탈락", "통과", "합류", "선정됐", "선정되", "올랐"}) {
                if (word.starts_with(stem)) return stage;
            }
        }
        return false;
    };
    // `… 나아로보틱스 등 7개 기업이 선정됐다`: a closed list of companies that
    // a programme selected (not the investors or members that 참여했다).
    // The verb follows the list's subject particle at once (not … 참여했으며
    // 선정된 기업에는, … 기업으로 선정됐다 past other words, 선정되지 못했다).
    const auto selected_after = [&](std::size_t after, std::size_t end) {
        for (std::size_t w = after; w + 1 < end && w < after + 3; ++w) {
            if (units[w].cls != UnitClass::particle) continue;
            const std::string_view verb = unit_text(w + 1);
            return is_one_of(unit_text(w), {"이", "가", "은", "는", "도"}) &&
                   (verb.starts_with("선정됐") || verb.starts_with("선정돼") || verb.starts_with("뽑혔"));
        }
        return false;
    };
    std::vector<std::size_t> items;
    for (const auto& sentence : units_.sentences) {
        // A list's items are joined by separators, and most sentences have
        // none before their last unit: no list, nothing to look at.
        bool separated = false;
        for (std::size_t u = sentence.first_unit; u + 1 < sentence.end_unit && !separated; ++u) separated = is_separator(u);
        if (!separated) continue;
        struct Item {
            std::size_t name;
            std::size_t end;
        };
        const auto item_at = [&](std::size_t u) -> std::optional<Item> {
            const std::size_t name = unit_text(u) == "주식회사" && u + 1 < sentence.end_unit ? u + 1 : u;
            const bool named = is_name(name);
            // Most units are neither (asked first: this runs for every unit).
            if (!named && units[name].cls != UnitClass::org) return std::nullopt;
            const bool group = name + 1 < sentence.end_unit && is_one_of(unit_text(name + 1), {"컨소시엄", "연합"});
            // An organisation leads a consortium (KAIST 컨소시엄) as a team would.
            const bool leads = group && units[name].cls == UnitClass::org;
            if (!(named || leads) || is_one_of(unit_text(name), {"컨소시엄", "연합"})) return std::nullopt;
            return Item{name, name + (group ? 2 : 1)};
        };
        std::size_t u = sentence.first_unit;
        while (u < sentence.end_unit) {
            const std::optional<Item> first = item_at(u);
            if (!first) {
                ++u;
                continue;
            }
            items.assign(1, first->name);
            std::size_t next = first->end;
            while (next + 1 < sentence.end_unit && is_separator(next)) {
                const std::optional<Item> item = item_at(next + 1);
                if (!item) break;
                items.push_back(item->name);
                next = item->end;
            }
            if (items.size() < 2) {
                u = next;
                continue;
            }
            // The list ends with a count of teams or a word for them, after
            // 등 or not: 등 4개 팀, 3곳, 등 스타트업 (not 등 관계사).
            std::size_t end = next < sentence.end_unit && unit_text(next) == "등" ? next + 1 : next;
            // 정예팀 may come as two words (정예 팀).
            const auto team_word = [&](std::size_t w) {
                return w < sentence.end_unit &&
                       (is_one_of(unit_text(w), {"팀", "정예팀"}) ||
                        (unit_text(w) == "정예" && w + 1 < sentence.end_unit && unit_text(w + 1) == "팀"));
            };
            const auto teams_word = [&](std::size_t w) {
                return team_word(w) ||
                       (w < sentence.end_unit && is_one_of(unit_text(w), {"기업", "컨소시엄", "스타트업", "개발사"}));
            };
            // 등 스타트업 7곳: the word for developers may come before their
            // count (not 등 기업 3곳: partners, tenants and sponsors are firms too).
            const bool developers_word =
                team_word(end) || (end < sentence.end_unit && is_one_of(unit_text(end), {"스타트업", "개발사", "컨소시엄"}));
            const std::size_t count_at =
                developers_word && end + 1 < sentence.end_unit && units[end + 1].cls == UnitClass::quantity ? end + 1 : end;
            const Quantity* count = count_at < sentence.end_unit && units[count_at].cls == UnitClass::quantity
                                        ? &quantities_[static_cast<std::size_t>(units[count_at].quantity)]
                                        : nullptr;
            const bool counted = count && (is_one_of(count->unit, {"팀", "곳", "개사"}) || teams_word(end + 1));
            // 등 4개 팀 alone makes the items teams, and so does a count of
            // teams that counts the items (한빛·딥노바·마루 3팀, ▲메디쿼리 … ▲큐브릭스AI
            // 등 스타트업 7곳); otherwise the count may belong to the words after
            // the list (…열리며, 최종 2개 팀은).
            const bool counts_items = count && count->value == ExactNumber{items.size(), 0, false};
            const bool company_named = names_company(items);
            // Consortia (등 5개 컨소시엄) and 등 정예팀 with no count (팀 alone
            // after 등 is too plain a word: 대학 연구실 등 팀) name teams where an
            // item is written as a company's name (not 제조·물류 등 6개 컨소시엄).
            const bool consortia = end + 1 < sentence.end_unit && unit_text(end + 1) == "컨소시엄" && company_named;
            const bool counted_teams =
                ((end > next || counts_items) && count && (count->unit == "팀" || team_word(end + 1) || consortia)) ||
                (count_at > end && counts_items && is_one_of(count->unit, {"팀", "곳", "개사"}));
            const bool elite_teams = end > next && team_word(end) && unit_text(end) != "팀" && company_named;
            const bool closed = counted || teams_word(end);
            const bool known = counted_teams || elite_teams ||
                               std::any_of(items.begin(), items.end(), [&](std::size_t i) {
                                   return units[i].cls == UnitClass::team || team_name_at(i);
                               });
            if ((closed && (known || (company_named && selected_after(end, sentence.end_unit)))) ||
                (company_named && subject_of_programme_outcome(next, sentence.end_unit))) {
                for (std::size_t i : items) {
                    if (units[i].cls == UnitClass::team || team_name_at(i)) continue;
                    const std::string written(unit_text(i));
                    if (!plausible_name(written) || lexicon_.is_not_name(written)) continue;
                    const std::string canonical = *local_teams_.add(written, written);
                    if (options_.types.contains(FactType::team)) {
                        emit(FactType::team, range_span(i, i + 1), "team.listed-with-teams", i, i + 1).team = canonical;
                    }
                }
            }
            u = next;
        }
    }
}

// `비교한 모델은 업스테이지의 '솔라 프로 2', 세움인공지능의 '세움 8B', 새봄데이터의
// '새봄 LLM 3'다`: in a list of developers' quoted names (X의 '…', joined by
// commas, 와/과 or 그리고, each developer after a few words describing it),
// the names are models of their developers when one of them is a known
// model and the list is about models: two are known, or a model word is in
// its sentence or the one before (not `삼성전자의 '갤럭시 S26'과 구글의
// '제미나이'`), and the sentence speaks of no services or apps. Each name
// still passes add_model's tests of a model's name.
void FactBuilder::add_listed_models() {
    static const Rule listed_rule = [] {
        Rule rule;
        rule.id = "model.listed-with-models";
        rule.fact = "model";
        return rule;
    }();
    const auto& units = units_.units;
    struct Item {
        std::size_t developer;
        Capture name;
        std::optional<Capture> alias;
        std::optional<Capture> tail;  // 'XN-미니(XN-Mini) 3B': a size or variant after the alias
        std::size_t closing;          // the closing mark
        bool known;
    };
    std::vector<Item> items;
    for (std::size_t s = 0; s < units_.sentences.size(); ++s) {
        const std::size_t first = units_.sentences[s].first_unit;
        const std::size_t end = units_.sentences[s].end_unit;
        // Most sentences hold no two quoted names after 의: no list to look at.
        std::size_t owned = 0;
        for (std::size_t u = first; u + 1 < end && owned < 2; ++u) {
            if (units[u + 1].cls == UnitClass::sq_open && units[u].cls == UnitClass::particle && unit_text(u) == "의") {
                ++owned;
            }
        }
        if (owned < 2) continue;
        // The item whose developer is unit d: d, a spelling in parentheses,
        // 의 and a quoted name (with its own spelling in parentheses).
        const auto item_at = [&](std::size_t d) -> std::optional<Item> {
            std::size_t of = d + 1;
            if (of < end && unit_text(of) == "(") {
                const std::size_t close = alias_close(of, end);
                if (close == 0) return std::nullopt;
                of = close + 1;
            }
            if (of + 2 >= end || !is_particle(of, {"의"}) || units[of + 1].cls != UnitClass::sq_open) return std::nullopt;
            if (!(team_name_at(d) || units[d].keyword == "orgname" || plain_name(d))) return std::nullopt;
            const std::size_t name_first = of + 2;
            std::size_t close = name_first;
            while (close < end && close < name_first + 10 && units[close].cls != UnitClass::sq_close) ++close;
            if (close >= end || units[close].cls != UnitClass::sq_close || close == name_first) return std::nullopt;
            Item item{d, Capture{name_first, close}, std::nullopt, std::nullopt, close, false};
            for (std::size_t u = name_first + 1; u + 1 < close; ++u) {
                if (unit_text(u) != "(") continue;
                const bool tailed = unit_text(close - 2) == ")" && (units[close - 1].keyword == "variant" ||
                                                                      is_model_size_quantity(close - 1));
                const std::size_t alias_end = tailed ? close - 2 : close - 1;
                if (unit_text(alias_end) != ")" || alias_end <= u + 1) break;
                item.name.end = u;
                item.alias = Capture{u + 1, alias_end};
                if (tailed) item.tail = Capture{close - 1, close};
                break;
            }
            item.known = units[name_first].cls == UnitClass::model || model_name_at(name_first) != nullptr;
            return item;
        };
        std::size_t u = first;
        while (u < end) {
            std::optional<Item> item = item_at(u);
            if (!item) {
                ++u;
                continue;
            }
            items.assign(1, *item);
            // Past the closing mark: a separator, then the next developer
            // within a few words.
            std::size_t next = item->closing + 1;
            while (next < end) {
                const bool separated = units[next].cls == UnitClass::symbol ? unit_text(next) == ","
                                                                             : is_particle(next, {"와", "과"});
                if (!separated) break;
                std::optional<Item> following;
                for (std::size_t d = next + 1; !following && d < end && d <= next + 5; ++d) {
                    following = item_at(d);
                    if (units[d].cls != UnitClass::word && units[d].keyword != "generic" && !following) break;
                }
                if (!following) break;
                items.push_back(*following);
                next = following->closing + 1;
            }
            u = next;
            const auto known = std::count_if(items.begin(), items.end(), [](const Item& i) { return i.known; });
            if (known == 0 || known == static_cast<std::ptrdiff_t>(items.size())) continue;
            bool about_models = known >= 2;
            for (std::size_t w = s > 0 ? units_.sentences[s - 1].first_unit : first; !about_models && w < end; ++w) {
                about_models = units[w].keyword == "modelword";
            }
            // `모델 기반 서비스는 …의 '빅스비 2'`: a list of services or apps.
            for (std::size_t w = first; about_models && w < end; ++w) {
                about_models = !is_one_of(unit_text(w), {"서비스", "앱", "애플리케이션", "제품"});
            }
            if (!about_models) continue;
            for (const Item& listed : items) {
                if (listed.known) continue;
                RuleMatch match;
                match.rule = &listed_rule;
                match.sentence = s;
                match.whole = Capture{listed.developer, listed.name.end};
                match.captures.emplace_back("name", listed.name);
                match.captures.emplace_back("team", Capture{listed.developer, listed.developer + 1});
                if (listed.alias) match.captures.emplace_back("alias", *listed.alias);
                if (listed.tail) match.captures.emplace_back("tail", *listed.tail);
                add_model(match);
            }
        }
    }
}

// `'라마 4 매버릭(Maverick)'을 … 매버릭은 MMLU 프로에서 80.5%`, `클로드 소넷
// 4.5 … 소넷 4.5는`: a listed model's member name after its family (and
// version) names that model alone, where the article wrote it whole and no
// other model of the article ends so. A short member (프로, 미니: MMLU 프로 is
// a benchmark) or a word of no name names nothing alone.
void FactBuilder::name_family_members_alone() {
    const auto& units = units_.units;
    std::vector<std::pair<std::string, std::string>> members;  // tail, model
    for (std::size_t u = 0; u < units.size(); ++u) {
        if (units[u].cls != UnitClass::model) continue;
        const std::string* model = model_name_at(u);
        if (!model) continue;
        const std::string written = range_text(u, u + 1);
        std::vector<std::string_view> words;
        for (std::size_t start = 0; start <= written.size();) {
            const std::size_t space = std::min(written.find(' ', start), written.size());
            if (space > start) words.emplace_back(written.data() + start, space - start);
            start = space + 1;
        }
        if (words.size() < 2) continue;
        const auto is_version = [](std::string_view w) {
            return !w.empty() && w.find_first_not_of("0123456789.") == std::string_view::npos;
        };
        // The member: the last word, or the word before a last version number.
        std::size_t member = words.size() - 1;
        const bool versioned = is_version(words[member]) && member >= 2;
        if (versioned) --member;
        const std::string_view word = words[member];
        const std::size_t least_syllables = versioned ? 2 : 3;
        const bool hangul = word.size() >= least_syllables * kSyllableBytes && is_hangul_syllable_run(word);
        const bool latin = word.size() >= (versioned ? 4 : 5) && word[0] >= 'A' && word[0] <= 'Z' &&
                           std::all_of(word.begin() + 1, word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
        if (!(hangul || latin) || lexicon_.is_not_name(word) || lexicon_.find(word, EntityKind::model) ||
            lexicon_.find(word, EntityKind::team)) {
            continue;
        }
        const std::string tail(word.data(), written.data() + written.size() - word.data());
        std::pair<std::string, std::string> found(tail, *model);
        if (std::find(members.begin(), members.end(), found) == members.end()) members.push_back(std::move(found));
    }
    for (const auto& member : members) {
        const auto same_tail = [&](const auto& m) { return m.first == member.first; };
        if (std::count_if(members.begin(), members.end(), same_tail) == 1) local_models_.add(member.first, member.second);
    }
}

void FactBuilder::add_team(const RuleMatch& match) {
    if (const Capture* name = match.get("name")) add_team_name(*name, match.rule->id);
}

void FactBuilder::add_team_name(const Capture& found, std::string_view rule) {
    // `한빛전자 AI연구소가 자체 개발한`, `미리내 스튜디오가`, `코나크 시스템즈`: a
    // unit named by its kind alone (AI연구소, 연구센터, 스튜디오, 시스템즈)
    // belongs to the name right before it.
    Capture name = found;
    if (name.end - name.first == 1 && name.first > 0 &&
        sentence_of_unit_[name.first - 1] == sentence_of_unit_[name.first]) {
        const Unit& before = units_.units[name.first - 1];
        if (kind_alone(unit_text(name.first)) && before.cls == UnitClass::word &&
            (before.keyword.empty() || before.keyword == "orgname") && plausible_name(unit_text(name.first - 1)) &&
            !lexicon_.is_not_name(unit_text(name.first - 1)) && !adnominal_verb(unit_text(name.first - 1))) {
            --name.first;
        }
    }
    for (std::size_t u = name.first; u < name.end; ++u) {
        // Known names are the gazetteer's, but a listed university (an org,
        // no team) may begin its lab's name: 고려대 정보대학.
        const bool university = u == name.first && name.end - name.first > 1 &&
                                units_.units[u].cls == UnitClass::org && unit_text(u).ends_with("대");
        if (units_.units[u].cls != UnitClass::word && !university) return;
    }
    const std::string written = range_text(name.first, name.end);
    if (!plausible_name(written) || lexicon_.is_not_name(written) || adnominal_verb(written)) return;
    // 창원시는 … '쇠부리-M 32B'를 공개했다: a city (a Hangul name of three
    // syllables or more that ends in 시) is a public body, no team.
    if (written.size() >= 3 * kSyllableBytes && written.ends_with("시") && is_hangul_syllable_run(written)) return;
    // AI 평가 스타트업 세이프링크, 평가 전문기업 잣대랩: an evaluator, no team.
    if (name.first >= 2 && sentence_of_unit_[name.first - 2] == sentence_of_unit_[name.first] &&
        unit_text(name.first - 2).ends_with("평가") &&
        ends_with_one_of(unit_text(name.first - 1), {"스타트업", "기업", "업체", "기관"})) {
        return;
    }
    // 가람대 연구팀 and 가람대학교 컴퓨터공학과 자연어처리연구실 in one article are one
    // team: a generic name (연구팀, 연구실, 연구진) joins the university's team
    // named so far, and a lab's own name joins a generic one; two labs with
    // names of their own stay two teams.
    std::string canonical = written;
    if (const std::string university = university_of(unit_text(name.first)); !university.empty()) {
        const bool generic = name.end - name.first == 1 ||
                             (name.end - name.first == 2 &&
                              is_one_of(unit_text(name.first + 1), {"연구팀", "연구실", "연구진", "팀"})) ||
                             (name.end - name.first == 3 && unit_text(name.first + 1) == "연구" &&
                              is_one_of(unit_text(name.first + 2), {"팀", "진", "실"}));
        const auto [it, first] = university_teams_.try_emplace(university, UniversityTeam{written, generic});
        if (!first && (generic || it->second.generic)) {
            canonical = it->second.name;
            it->second.generic = it->second.generic && generic;
        }
    }
    // 파도에이아이 after 파도AI (or before it): AI spelled out in Hangul is the
    // same team.
    for (const auto& [ending, other] : {std::pair<std::string_view, std::string_view>{"에이아이", "AI"}, {"AI", "에이아이"}}) {
        std::uint32_t known;
        if (written.size() > ending.size() && written.ends_with(ending) &&
            local_teams_.index.find(written.substr(0, written.size() - ending.size()) + std::string(other), known)) {
            canonical = local_teams_.canonical[known];
            break;
        }
    }
    canonical = *local_teams_.add(written, canonical);
    // 프리퍼드네트웍스(Preferred Networks·PFN): each spelling in Latin letters
    // in the parentheses right after the name names the same team later on
    // (a word in Hangul there is as often a place or a kind: (일본), (스타트업)).
    if (name.end + 2 < units_.units.size() && unit_text(name.end) == "(" &&
        sentence_of_unit_[name.end] == sentence_of_unit_[name.first]) {
        std::size_t item = name.end + 1;
        for (std::size_t u = item; u < units_.units.size() && u < name.end + 8; ++u) {
            const bool separator = units_.units[u].cls == UnitClass::symbol && is_one_of(unit_text(u), {"·", ",", ")"});
            if (!separator && units_.units[u].cls != UnitClass::word) break;
            if (!separator) continue;
            if (u > item && has_latin_letter(range_text(item, u))) local_teams_.add(range_text(item, u), canonical);
            if (unit_text(u) == ")") break;
            item = u + 1;
        }
    }
    if (!options_.types.contains(FactType::team)) return;
    emit(FactType::team, range_span(name.first, name.end), rule, name.first, name.end).team = canonical;
}

// `KAIST(한국과학기술원)는 … 'K-SciLM 7B'를 개발해 공개했다`, `서울대·포스텍,
// … 번역모델 '다리-MT' 개발`: a university or research institute (teams.tsv
// kind `lab`, otherwise an org) that is the subject of a sentence in which a
// verb right after a model develops or releases it, or of a clause that
// modifies the model (UNIST가 개발한 '미리내-1.5B'), is that model's developer:
// a team, and the model's team where nothing else named one. Between the lab
// and its particle only its research group may stand (전산학부 윤서진 교수
// 연구팀이); a lab that is a person's affiliation (서은채 서울대 … 교수는) or
// named in a clause before the subject (서울대 출신 … 대표가) is none.
void FactBuilder::add_lab_developers() {
    if (!options_.types.contains(FactType::team)) return;
    const auto& units = units_.units;
    const auto lab_at = [&](std::size_t u) {
        const Entity* e = units[u].cls == UnitClass::org ? entity(u) : nullptr;
        return e && e->lab ? e : nullptr;
    };
    const auto research_group = [&](std::size_t u) {
        const std::string_view w = unit_text(u);
        return units[u].cls == UnitClass::person || units[u].cls == UnitClass::title ||
               (units[u].cls == UnitClass::word && units[u].keyword.empty() &&
                (is_one_of(w, {"연구", "공동", "팀", "연구팀", "연구진"}) ||
                 ends_with_one_of(w, {"학부", "학과", "대학원", "연구실", "연구소", "연구단", "센터"})));
    };
    // 개발한, 개발해, 공개했다 and the like, and 개발 ending a headline's
    // clause; not 개발자, nor 개발에 (개발 and a particle).
    const auto develops = [&](std::size_t u) {
        const std::string_view w = unit_text(u);
        const bool noun_alone = w == "개발" && (u + 1 >= units.size() || units[u + 1].cls != UnitClass::particle);
        return units[u].keyword == "launch" || noun_alone || w.starts_with("개발했") || w.starts_with("개발한") ||
               w.starts_with("개발해") || w.starts_with("개발하");
    };
    // The lab last named with its research group (KAIST … 윤서진 교수 연구팀은),
    // which a later sentence's 연구팀은 refers to, and in which sentence.
    std::optional<std::size_t> research_lab;
    std::size_t research_lab_sentence = 0;
    for (std::size_t s = 0; s < units_.sentences.size(); ++s) {
        const auto& sentence = units_.sentences[s];
        // The model that the verb after it develops or releases: `'K-SciLM 7B'를
        // 개발해`, `'다리-MT' 개발` (연세대·고려대, 벤치마크 '한결벤치' 공개…GPT-5 1위
        // released a benchmark; 'GPT-5'를 활용해 신약 개발에 uses one).
        const auto developed_model = [&](std::size_t from) -> std::optional<std::size_t> {
            for (std::size_t x = from; x < sentence.end_unit; ++x) {
                if (!model_name_at(x)) continue;
                // Past closing marks and an alias, inside the marks or after them
                // ('누리셈-R(NuriSem-R)'을, '누리 2'(Nuri 2)를).
                std::size_t y = name_end_unit(x);
                for (std::size_t close = 1; close != 0;) {
                    while (y < sentence.end_unit && units[y].cls == UnitClass::sq_close) ++y;
                    close = alias_close(y, sentence.end_unit);
                    if (close != 0) y = close + 1;
                }
                // '화타-메드(Hwata-Med)' 2종을 개발해: a count of the models.
                if (y < sentence.end_unit && units[y].cls == UnitClass::quantity &&
                    is_one_of(quantities_[static_cast<std::size_t>(units[y].quantity)].unit, {"종", "가지"})) {
                    ++y;
                }
                if (y < sentence.end_unit && is_particle(y, {"을", "를", "도"})) ++y;
                if (y < sentence.end_unit && develops(y)) return x;
                x = y > x ? y - 1 : x;
            }
            return std::nullopt;
        };
        // `UNIST가 개발한 '미리내-1.5B'는`, `연구팀이 개발한 70억 파라미터 규모 소형
        // 추론 언어모델 '미르-R'이`, `연구팀은 셀로직스와 함께 개발한 … '아미노폴드-K'`:
        // the clause that modifies the model's noun is the subject's (with a partner's).
        const auto model_of_modifying_clause = [&](std::size_t d) -> std::optional<std::size_t> {
            if (d + 2 < sentence.end_unit && (units[d].cls == UnitClass::team || units[d].cls == UnitClass::word) &&
                is_particle(d + 1, {"와", "과"}) && unit_text(d + 2) == "함께") {
                d += 3;
            }
            if (d >= sentence.end_unit || !develops(d)) return std::nullopt;
            for (std::size_t x = d + 1; x < sentence.end_unit && x <= d + 10; ++x) {
                if (model_name_at(x)) return x;
                const UnitClass cls = units[x].cls;
                if (cls == UnitClass::team || cls == UnitClass::org || (cls == UnitClass::particle && unit_text(x) != "의")) break;
            }
            return std::nullopt;
        };
        std::vector<std::size_t> labs;
        std::vector<std::size_t> named_with;  // 서울대· before 포스텍: joins its fate
        std::vector<std::size_t> models;
        // `연구팀은 … '노을-R 14B'도 공개했다`: the research group named before,
        // a sentence or a few earlier, as the subject.
        std::size_t group_end = sentence.first_unit;
        while (group_end < sentence.end_unit && group_end < sentence.first_unit + 3 &&
               units[group_end].cls == UnitClass::word && research_group(group_end)) {
            ++group_end;
        }
        const bool group_opens =
            group_end > sentence.first_unit && is_one_of(unit_text(group_end - 1), {"팀", "연구팀", "연구진"});
        if (research_lab && group_opens && s <= research_lab_sentence + kTopicCarrySentences &&
            group_end < sentence.end_unit && is_particle(group_end, {"은", "는", "이", "가"}) &&
            !subject_of_modifying_clause(group_end)) {
            if (const auto model = developed_model(group_end + 1)) {
                labs.push_back(*research_lab);
                models.push_back(*model);
            }
        }
        // `네이버 연구팀도 …`: another group named between is what a later
        // 연구팀은 refers to, no lab.
        for (std::size_t u = group_opens ? group_end : sentence.first_unit; u < sentence.end_unit; ++u) {
            const bool names_group =
                is_one_of(unit_text(u), {"연구팀", "연구진"}) || (unit_text(u) == "팀" && u > 0 && unit_text(u - 1) == "연구");
            if (names_group) {
                research_lab.reset();
                break;
            }
        }
        for (std::size_t u = sentence.first_unit; u < sentence.end_unit; ++u) {
            if (!lab_at(u)) continue;
            std::size_t v = u + 1;
            // KAIST(한국과학기술원)는: its other name in parentheses.
            if (v < sentence.end_unit && unit_text(v) == "(") {
                while (v < sentence.end_unit && unit_text(v) != ")") ++v;
                ++v;
            }
            // 서울대·포스텍, 서울대와 포스텍 연구팀이: labs named together.
            if (v < sentence.end_unit && (unit_text(v) == "·" || is_particle(v, {"와", "과"})) && v + 1 < sentence.end_unit &&
                lab_at(v + 1)) {
                named_with.push_back(u);
                u = v;
                continue;
            }
            // `KAIST, … 공개`: a headline's subject before a comma, first in its sentence.
            const bool headline = v < sentence.end_unit && unit_text(v) == "," &&
                                  std::all_of(units.begin() + static_cast<std::ptrdiff_t>(sentence.first_unit),
                                              units.begin() + static_cast<std::ptrdiff_t>(u), [&](const Unit& x) {
                                                  return x.cls == UnitClass::symbol || x.cls == UnitClass::org;
                                              });
            std::size_t w = v;
            while (w < sentence.end_unit && w < v + 6 && research_group(w)) ++w;
            if (w > v && is_one_of(unit_text(w - 1), {"연구팀", "연구진", "팀"})) {
                research_lab = u;
                research_lab_sentence = s;
            }
            // 서은채 서울대 데이터사이언스대학원 교수는: a person's affiliation, the person the subject.
            const bool affiliation = (u > sentence.first_unit && units[u - 1].cls == UnitClass::person) ||
                                     (w > v && units[w - 1].cls == UnitClass::title);
            const bool marked = w < sentence.end_unit && is_particle(w, {"은", "는", "이", "가"}) && !affiliation;
            std::optional<std::size_t> model;
            if (headline) {
                model = developed_model(v + 1);
            } else if (marked && !subject_of_modifying_clause(w)) {
                model = developed_model(w + 1);
            }
            if (!model && marked) model = model_of_modifying_clause(w + 1);
            // 고려대 연구실이 운영하는 '…', a lab that evaluates or uses a model: no developer.
            if (model) {
                labs.insert(labs.end(), named_with.begin(), named_with.end());
                labs.push_back(u);
                models.push_back(*model);
            }
            named_with.clear();
            u = v - 1;  // past its name in parentheses
        }
        for (const std::size_t u : labs) {
            const std::string& lab = entity(u)->name;
            emit(FactType::team, range_span(u, u + 1), "team.lab-developing-model", u, u + 1).team = lab;
            // The model it developed is its, where nothing named its team.
            for (const std::size_t m : models) {
                const std::string& name = *model_name_at(m);
                if (team_of_model(name)) continue;
                local_model_team_.emplace(name, lab);
                for (Fact& f : facts_) {
                    if (f.type == FactType::model && f.model == name && !f.team) f.team = lab;
                }
            }
        }
    }
}

// The university a word names, shortened as news shortens it (가람대학교 ->
// 가람대), or empty when it names none.
std::string FactBuilder::university_of(std::string_view word) {
    for (const std::string_view long_form : {"대학교", "대학"}) {
        if (word.size() > long_form.size() && word.ends_with(long_form)) {
            return std::string(word.substr(0, word.size() - long_form.size())) + "대";
        }
    }
    if (word.size() > 6 && word.ends_with("대")) return std::string(word);  // 가람대, not 시대
    return {};
}

const Quantity* FactBuilder::quantity_of(const Capture* capture, std::size_t& unit) {
    if (!capture) return nullptr;
    for (std::size_t u = capture->first; u < capture->end; ++u) {
        const Unit& x = units_.units[u];
        if (x.cls == UnitClass::quantity && x.quantity >= 0) {
            unit = u;
            return &quantities_[static_cast<std::size_t>(x.quantity)];
        }
        // A bare number that a rule places as a score (MMLU 85.3), which the
        // numbers stage, seeing a name and a number, took for a version.
        if (x.cls == UnitClass::other_number) {
            if (const auto value = parse_korean_number(unit_text(u))) {
                unit = u;
                Quantity& q = bare_numbers_.emplace_back();
                q.norm_start = x.norm_start;
                q.norm_end = x.norm_end;
                q.value = *value;
                return &q;
            }
        }
    }
    return nullptr;
}

// The first unit of the longest model or team name (known, or found by a
// rule) that ends right before unit `end`, starting at most `reach` units
// back and not before `first`.
std::optional<std::size_t> FactBuilder::name_ending_at(std::size_t end, std::size_t first, std::size_t reach) const {
    std::optional<std::size_t> start;
    for (std::size_t v = end; v-- > first && v + reach >= end;) {
        if ((model_name_at(v) || team_name_at(v)) && name_end_unit(v) == end) start = v;
    }
    return start;
}

// `카카오와 KT는 각각 81.9점과 80.3점을`: names joined before 각각
// and as many figures joined after it go together in order.
Subject FactBuilder::respective_subject(std::size_t quantity_unit) const {
    const std::size_t s = sentence_of_unit_[quantity_unit];
    const auto& sentence = units_.sentences[s];
    const auto joins = [&](std::size_t u) {
        return is_particle(u, {"와", "과"}) || is_one_of(unit_text(u), {",", "·"});
    };
    std::size_t each = quantity_unit;
    while (each > sentence.first_unit && each + kClauseReach > quantity_unit && units_.units[each - 1].keyword != "each") {
        --each;
    }
    if (each == sentence.first_unit || units_.units[each - 1].keyword != "each") return {};
    --each;  // the unit of 각각
    // The figures after it, up to the first unit that neither is one nor joins them.
    std::vector<std::size_t> figures;
    for (std::size_t u = each + 1; u < sentence.end_unit; ++u) {
        if (units_.units[u].cls == UnitClass::quantity) figures.push_back(u);
        else if (!joins(u)) break;
    }
    const auto position = std::find(figures.begin(), figures.end(), quantity_unit);
    if (figures.size() < 2 || position == figures.end()) return {};
    // The names ending at `u`, joined the same way, last first.
    const auto names_ending_at = [&](std::size_t u) {
        std::vector<std::size_t> names;
        while (u > sentence.first_unit) {
            std::size_t start = u - 1;
            while (start > sentence.first_unit && units_.units[start].cls == UnitClass::sq_close) --start;
            const std::optional<std::size_t> name = name_ending_at(start + 1, sentence.first_unit, 6);
            if (!name) break;
            names.push_back(*name);
            u = *name;
            while (u > sentence.first_unit && units_.units[u - 1].cls == UnitClass::sq_open) --u;
            // Its developer before it (알리바바의 '큐웬3 32B'와 메타의 '라마 4'는 각각 …).
            if (u > sentence.first_unit + 1 && is_particle(u - 1, {"의"}) && team_name_at(u - 2)) u -= 2;
            if (u == sentence.first_unit || !joins(u - 1)) break;
            --u;
        }
        return names;
    };
    // The names right before it, after a subject particle or 로 (1~3위는 A,
    // B, C로 각각 …); or, after a score word (A와 B를 비교했더니 정확도가
    // 각각 …), the last names joined before a particle earlier in the sentence.
    std::size_t u = each;
    if (u > sentence.first_unit && is_particle(u - 1, {"은", "는", "이", "가", "로", "으로"})) --u;
    std::vector<std::size_t> names = names_ending_at(u);
    if (names.empty() && u > sentence.first_unit && units_.units[u - 1].keyword == "score") {
        for (std::size_t v = u - 1; v-- > sentence.first_unit + 1 && names.size() < 2;) {
            if (units_.units[v].cls == UnitClass::particle) names = names_ending_at(v);
        }
    }
    if (names.size() != figures.size()) return {};
    const std::size_t name = names[names.size() - 1 - static_cast<std::size_t>(position - figures.begin())];
    Subject subject;
    subject.model = model_at(name);
    subject.team = subject.model ? team_of_model(*subject.model) : team_at(name);
    return subject;
}

// `벤치마크(30점), 전문가 평가(40점), 사용자 평가(30점)로`: points in
// parentheses after words that name no model or team are the weight of a
// criterion (when a sentence holds two or more: weighted_sentence).
bool FactBuilder::criterion_weight(std::size_t u) const {
    const auto& sentence = units_.sentences[sentence_of_unit_[u]];
    if (u < sentence.first_unit + 2 || u + 1 >= sentence.end_unit || unit_text(u - 1) != "(" ||
        unit_text(u + 1) != ")" || units_.units[u].cls != UnitClass::quantity ||
        units_.units[u - 2].cls == UnitClass::sq_close ||
        is_scale(quantities_[static_cast<std::size_t>(units_.units[u].quantity)])) {
        return false;
    }
    // A name ending right before the parenthesis (누리 미니(6.8점)) makes it a score.
    return !name_ending_at(u - 1, sentence.first_unit, 4);
}

// Whether sentence `s` holds two criteria weights or more. Computed once per sentence.
bool FactBuilder::weighted_sentence(std::size_t s) {
    auto& known = weighted_sentence_[s];
    if (known < 0) {
        const auto& sentence = units_.sentences[s];
        std::size_t weights = 0;
        for (std::size_t u = sentence.first_unit; u < sentence.end_unit && weights < 2; ++u) {
            weights += criterion_weight(u);
        }
        known = weights >= 2 ? 1 : 0;
    }
    return known == 1;
}

// `100점 만점으로 진행됐다` declares a scale, and the points in its sentence
// (교과 지식(40점), …) are weights, unless the sentence names whose they
// are. Computed once per sentence.
bool FactBuilder::scale_without_subject(std::size_t s) {
    auto& known = scale_without_subject_[s];
    if (known < 0) {
        const auto& sentence = units_.sentences[s];
        bool declares_scale = false, names_subject = false;
        for (std::size_t u = sentence.first_unit; u < sentence.end_unit && !names_subject; ++u) {
            const Unit& x = units_.units[u];
            if (x.cls == UnitClass::quantity) {
                const Quantity& q = quantities_[static_cast<std::size_t>(x.quantity)];
                declares_scale = declares_scale || is_scale(q);
            }
            // `벤치마크 40점, 전문가 평가 35점으로 이뤄졌다`: what the points make up.
            declares_scale = declares_scale || (x.keyword == "composition" && u >= sentence.first_unit + 2 &&
                                                is_particle(u - 1, {"으로", "로"}) && is_score_quantity(u - 2));
            names_subject = model_name_at(u) || team_name_at(u);
        }
        known = declares_scale && !names_subject ? 1 : 0;
    }
    return known == 1;
}

// Whether the count at `quantity_unit` modifies a successor (후속작, 후속 모델,
// 차기 모델) within the next three units, before any particle or name.
bool FactBuilder::sizes_successor(std::size_t quantity_unit) const {
    const auto& sentence = units_.sentences[sentence_of_unit_[quantity_unit]];
    for (std::size_t u = quantity_unit + 1; u < sentence.end_unit && u <= quantity_unit + 3; ++u) {
        if (units_.units[u].cls == UnitClass::particle || model_name_at(u) || team_name_at(u)) return false;
        const std::string_view word = unit_text(u);
        if (word.starts_with("후속") || word.starts_with("차기")) return true;
    }
    return false;
}

// Whether the bounded count at `quantity_unit` marks off a class of models
// rather than sizing one: `10B 이하 소형 모델 부문에서는`, `300억 개 미만 모델
// 가운데`, `30B 이하 모델만`, `10B 이하에선`. A planned model's bound
// (`3B 이하 초경량 모델도 내놓겠다`) is its size.
bool FactBuilder::bounds_a_class_of_models(std::size_t quantity_unit, const Quantity& q) const {
    if (q.bound == Bound::none) return false;
    const auto& sentence = units_.sentences[sentence_of_unit_[quantity_unit]];
    bool after_model_word = false;
    for (std::size_t u = quantity_unit + 1; u < sentence.end_unit && u <= quantity_unit + 5; ++u) {
        const Unit& unit = units_.units[u];
        if (unit.cls == UnitClass::particle) {
            if (is_particle(u, {"에서", "에선", "에서는"})) return !after_model_word;
            return after_model_word && is_particle(u, {"만", "의", "끼리"});
        }
        // `200B 이상 모델 개발 중`: 중 and 가운데 mark off a class only right after its model word.
        if (is_one_of(unit_text(u), {"부문", "부문에서", "트랙", "리그", "체급"}) ||
            (after_model_word && is_one_of(unit_text(u), {"가운데", "중", "중에서"}))) {
            return true;
        }
        if (unit.cls != UnitClass::word || model_name_at(u) || team_name_at(u)) return false;
        after_model_word = unit.keyword == "modelword";
    }
    return false;
}

void FactBuilder::add_parameter_count(const RuleMatch& match) {
    // `마루는 3B·14B·70B 세 가지 크기로`: each size is one of the family's,
    // the model named before the list.
    if (const Capture* sizes = match.get("sizes")) {
        const Subject subject = find_subject(sizes->first, /*subject_may_follow=*/false);
        if (!subject.model) return;
        for (std::size_t u = sizes->first; u < sizes->end; ++u) {
            const Unit& x = units_.units[u];
            if (x.cls != UnitClass::quantity || x.quantity < 0) continue;
            const Quantity& q = quantities_[static_cast<std::size_t>(x.quantity)];
            if (q.value.scale != 0 || q.value.mantissa < 1000000) continue;  // 2·3·4개: no sizes
            emit_parameter_count(match, u, q, subject);
        }
        return;
    }
    std::size_t unit = 0;
    const Quantity* q = quantity_of(match.get("value"), unit);
    // Fewer than a million parameters is no model this product reports on.
    if (!q || q->value.scale != 0 || q->value.mantissa < 1000000) return;
    if (bounds_a_class_of_models(unit, *q)) return;
    // 14조8000억 개 토큰, 5000억 개 이상의 토큰: a count of something else.
    {
        const std::size_t end = units_.sentences[match.sentence].end_unit;
        std::size_t next = unit + 1;
        if (next < end && is_particle(next, {"의"})) ++next;
        if (next < end && units_.units[next].keyword == "counted") return;
    }
    // `- 평균 매개변수: 약 52억 개`: an average over several models, nobody's count.
    for (std::size_t u = match.whole.first; u + 1 < match.whole.end; ++u) {
        if (units_.units[u + 1].keyword == "param" && is_one_of(unit_text(u), {"평균", "중간값", "합계", "총합"})) return;
    }
    if (match.whole.first > units_.sentences[match.sentence].first_unit &&
        is_one_of(unit_text(match.whole.first - 1), {"평균", "중간값", "합계", "총합"})) {
        return;
    }
    Subject subject;
    if (const Capture* c = match.get("subject")) {
        subject.model = model_at(c->first);
        subject.team = subject.model ? team_of_model(*subject.model) : team_at(c->first);
        // A rule that captured a name no gazetteer or earlier rule knows
        // (ZEPHYR-K3-Mini는 3B로) names the model itself.
        if (subject.empty() && units_.units[c->first].cls == UnitClass::word) {
            subject.model = range_text(c->first, c->end);
        }
        // `6710억 개로 한결-옴니의 3배가 넘지만`, `20억 개로 한결-8B보다 작다`:
        // the model measured against, where the count does not modify it
        // (`1조 개에 이르는 비채 2보다` is 비채 2's).
        std::size_t before = c->first;
        while (before > 0 && units_.units[before - 1].cls == UnitClass::sq_open) --before;
        const bool right_after_count = before == unit + 1;
        std::size_t after = c->end;
        while (after < units_.units.size() && units_.units[after].cls == UnitClass::sq_close) ++after;
        const std::size_t end = units_.sentences[match.sentence].end_unit;
        const bool times = after + 1 < end && is_particle(after, {"의"}) &&
                           units_.units[after + 1].cls == UnitClass::quantity &&
                           quantities_[static_cast<std::size_t>(units_.units[after + 1].quantity)].unit == "배";
        const bool compared = after < end && (is_particle(after, {"보다"}) || units_.units[after].keyword == "compare");
        if (right_after_count && (times || compared)) subject = {};
    }
    if (subject.empty()) subject = respective_subject(unit);
    if (subject.empty()) subject = find_subject(unit, /*subject_may_follow=*/true);
    // `3000억 파라미터급 후속작`: the size of a model to come, not of the one named.
    if (!match.get("subject") && sizes_successor(unit)) subject.model.reset();
    if (subject.empty()) {
        if (in_quotation(unit)) counts_in_quotations_.push_back({unit, &match, q});
        return;  // a size of nothing in particular is no claim
    }
    emit_parameter_count(match, unit, *q, subject);
}

void FactBuilder::emit_parameter_count(const RuleMatch& match, std::size_t unit, const Quantity& q,
                                       const Subject& subject) {
    Fact& fact = emit(FactType::parameter_count, range_span(unit, unit + 1), match.rule->id,
                      match.whole.first, match.whole.end);
    fact.value = q.value;
    fact.approximate = q.approximate || q.bound != Bound::none;
    fact.model = subject.model;
    fact.team = subject.team;
}

bool FactBuilder::in_quotation(std::size_t u) const {
    const auto& sentence = units_.sentences[sentence_of_unit_[u]];
    for (std::size_t v = u; v-- > sentence.first_unit;) {
        const Unit& unit = units_.units[v];
        if (unit.cls == UnitClass::dq_close) return false;
        if (unit.cls == UnitClass::dq_open) return unit.pair > static_cast<std::int64_t>(u);
    }
    return false;
}

// `이용 점유율은 다음과 같다.` above `▲제미나이(구글) 18%`: an item of a list
// whose heading names a share or a rate (a nonscore word in 율/률), not a score.
bool FactBuilder::list_of_nonscores(std::size_t s) const {
    const auto is_item = [&](std::size_t t) {
        const auto& sentence = units_.sentences[t];
        return sentence.first_unit < sentence.end_unit &&
               is_one_of(unit_text(sentence.first_unit), {"▲", "△", "-", "·", "•"});
    };
    if (!is_item(s)) return false;
    // Lists are short; the bound keeps a document of bullets linear.
    constexpr std::size_t kMaxListItems = 40;
    std::size_t heading = s;
    while (heading > 0 && heading + kMaxListItems > s && is_item(heading)) --heading;
    const auto& sentence = units_.sentences[heading];
    if (is_item(heading) || !announces_list(sentence)) return false;
    for (std::size_t u = sentence.first_unit; u < sentence.end_unit; ++u) {
        const std::string_view word = unit_text(u);
        if (units_.units[u].keyword == "nonscore" && (word.ends_with("율") || word.ends_with("률"))) return true;
    }
    return false;
}

void FactBuilder::add_score(const RuleMatch& match) {
    std::size_t unit = 0;
    const Quantity* q = quantity_of(match.get("score"), unit);
    // A range (점수 차이가 1~2점 안팎) is no score a model got.
    if (!q || q->min) return;
    // `HRM8K에서는 NOVA.K 3가 82.6점`: a bare digit after a Latin name is the
    // name's version, not a score; so is one after a Hangul word that a
    // particle follows as it follows a name (`VBench'에서 웨이브시네 2는 총점 86.41%`).
    if (q->unit.empty() && q->value.is_integer() && q->value.to_double() < 10 && unit > 0 &&
        units_.units[unit - 1].cls == UnitClass::word && units_.units[unit - 1].keyword.empty() &&
        (has_latin_letter(unit_text(unit - 1)) ||
         (unit + 1 < units_.units.size() &&
          is_particle(unit + 1, {"은", "는", "이", "가", "의", "을", "를", "와", "과", "도"})))) {
        return;
    }
    // 평점 4.5점, 배점 40점: points of something else than a benchmark; 3점
    // 차이, 5점 올랐다, 점수 차는 83점: a difference, not a score.
    const auto& sentence = units_.sentences[match.sentence];
    for (std::size_t u = unit; u-- > sentence.first_unit && u + 4 > unit;) {
        if (model_name_at(u) || team_name_at(u)) break;  // 환산하면 SK텔레콤이 91점: the team's own
        const std::string_view keyword = units_.units[u].keyword;
        if (keyword == "nonscore" || keyword == "delta" || keyword == "aim") return;
    }
    if (list_of_nonscores(match.sentence)) return;
    // 고객 만족도 조사에서는 SK텔레콤이 82.5점으로 1위, KT(81.9점): a survey's
    // points, whoever they go to.
    for (std::size_t u = sentence.first_unit; u + 1 < unit; ++u) {
        if (units_.units[u].keyword == "nonscore" && unit_text(u + 1).starts_with("조사")) return;
    }
    // 배터리 소모량은 하늬 2.4B가 4.2%, 점유율은 A가 62.4%, B는 11.8%: a
    // clause about a rate or an amount gives each model its figure of that,
    // not a score (not after the clause's end: 점유율은 낮지만, 카나나 2는
    // KMMLU에서 72.1점).
    for (std::size_t u = sentence.first_unit; u + 1 < unit; ++u) {
        if (units_.units[u].keyword != "nonscore" || !ends_with_one_of(unit_text(u), {"율", "률", "량"}) ||
            !is_particle(u + 1, {"은", "는"})) {
            continue;
        }
        bool governs = true;
        for (std::size_t v = u + 2; governs && v < unit; ++v) {
            // 줄었고, 낮지만, (the tokenizer may give 낮지 and 만)
            const bool clause_end =
                unit_text(v) == "," && v > u + 2 &&
                (ends_with_one_of(unit_text(v - 1), {"고", "지만", "며", "면서", "는데", "으나"}) ||
                 (unit_text(v - 1) == "만" && unit_text(v - 2).ends_with("지")));
            governs = !clause_end;
        }
        if (governs) return;
    }
    // After it: 5점 올랐다, 100점으로 환산하면 (a scale, not a score); but
    // 58.5점으로 합격선에 미치지 못했다, 71.5점으로 합격선을 넘었다 measure a
    // score against the line (70점으로 합격선을 정한 is the line).
    const auto passes_or_misses = [&](std::size_t v) {
        for (const std::string_view verb : {"미치", "못", "넘", "통과", "웃돌", "밑돌"}) {
            if (unit_text(v).starts_with(verb)) return true;
        }
        return false;
    };
    for (std::size_t u = unit + 1; u < sentence.end_unit && u <= unit + 2; ++u) {
        const std::string_view keyword = units_.units[u].keyword;
        const bool against_line = keyword == "nonscore" && u == unit + 2 && is_particle(unit + 1, {"으로", "로"}) &&
                                  u + 2 < sentence.end_unit && is_particle(u + 1, {"에", "을", "를"}) &&
                                  passes_or_misses(u + 2);
        if (keyword == "delta" || (keyword == "nonscore" && !against_line)) return;
    }
    // 70점 돌파를 노린다, 80점 달성이 목표다: a target, not a score (one
    // plain word and particles between, as 72.03점을 달성해 1차 목표 is not;
    // 82.7점으로 최종 목표 모델인: a baseline model named after it).
    for (std::size_t u = unit + 1, words = 0; u < sentence.end_unit && u <= unit + 6; ++u) {
        const Unit& after = units_.units[u];
        if (after.keyword == "aim") {
            if (u + 1 < sentence.end_unit && units_.units[u + 1].keyword == "modelword") break;
            return;
        }
        if (after.cls == UnitClass::particle) continue;
        // 80점 돌파를 1차 목표로: a goal's ordinal.
        if (after.cls == UnitClass::other_number && unit_text(u).ends_with("차")) continue;
        // 4.7점을 달성하는 것을 목표로: the words of a goal's clause.
        if (after.cls == UnitClass::word && is_one_of(unit_text(u), {"달성하는", "돌파하는", "넘기는", "넘는", "것"})) continue;
        if (after.cls != UnitClass::word || ++words > 1) break;
    }
    // 목표 점수는 LogicKor 9점이다, 합격선은 총점의 60%인 192점이다, 통과
    // 기준선으로 거론되는 평균 80점: the figure of a target or a line that
    // its clause begins with, no model or team between.
    for (std::size_t u = unit, steps = 0; u-- > sentence.first_unit && ++steps <= 8;) {
        if (model_name_at(u) || team_name_at(u)) break;
        const std::string_view keyword = units_.units[u].keyword;
        // 금융권 실무자 30명의 평균 점수는 803점: a count of people's points, the
        // subject of the figure (not 성우 85명의 녹음으로 학습했으며 MOS 4.21점,
        // nor 심사위원 5명의 평균 점수 4.5점을 받았다, the model's).
        if (units_.units[u].cls == UnitClass::quantity &&
            quantities_[static_cast<std::size_t>(units_.units[u].quantity)].unit == "명" && u + 2 < unit &&
            is_particle(u + 1, {"의"}) && units_.units[u + 2].keyword == "score") {
            std::size_t after = u + 2;
            while (after < unit && units_.units[after].keyword == "score") ++after;
            if (after < unit && is_particle(after, {"은", "는", "이", "가"})) return;
        }
        // 실제 응시자 평균은 230점, 상담원 평균(89.0점): people's points.
        if (is_one_of(unit_text(u), {"응시자", "응시자들", "수험생", "수험생들", "상담원", "상담원들", "상담사",
                                     "상담사들", "인간", "일반인", "합격자"})) {
            std::size_t next = u + 1;
            if (next < unit && unit_text(next) == "평균") ++next;
            if (next == unit || (next < unit && (is_particle(next, {"은", "는", "이", "가", "의"}) || unit_text(next) == "("))) {
                return;
            }
            break;
        }
        if (keyword != "aim" && keyword != "nonscore") continue;
        std::size_t next = u + 1;
        if (next < unit && units_.units[next].cls != UnitClass::particle) ++next;  // 목표 점수는
        if (next < unit && is_particle(next, {"은", "는", "이", "가"})) return;
        if (next < unit && is_particle(next, {"으로", "로"}) && unit - next <= 3) return;
        break;
    }
    // 81.2점에서 79.8점으로 정정했다, 81.2→79.8점으로 바로잡았다: a figure
    // replaced, no longer claimed (65.4→70.9점으로 올랐다 keeps both).
    if (unit + 2 < sentence.end_unit && units_.units[unit + 2].cls == UnitClass::quantity &&
        (unit_text(unit + 1) == "→" || is_particle(unit + 1, {"에서"}))) {
        for (std::size_t u = unit + 3; u < sentence.end_unit && u <= unit + 6; ++u) {
            if (units_.units[u].keyword == "correction") return;
        }
    }
    // `'K-엑사원'(72.4점)보다 10.6점`: right after 보다, a margin.
    if (unit > sentence.first_unit && is_particle(unit - 1, {"보다"})) return;
    // Right after it, perhaps past a word of degree: 4.1점 높았다, 7.4점 앞섰다,
    // 10점 넘게 뒤지지만 (a margin, not a score).
    std::size_t verb = unit + 1;
    if (verb < sentence.end_unit && is_one_of(unit_text(verb), {"넘게", "가까이", "이상", "가량", "정도", "안팎"})) ++verb;
    // (앞서 alone is also 'earlier', so it is no keyword; right after a figure
    // it is a margin: KMMLU에선 5.2점 앞서.)
    if (verb < sentence.end_unit && (units_.units[verb].keyword == "margin" ||
                                     units_.units[verb].keyword == "beaten" || unit_text(verb) == "앞서")) {
        return;
    }
    if (criterion_weight(unit) && weighted_sentence(match.sentence)) return;
    // 80%를 넘었다: a threshold passed, not a score.
    if (unit + 2 < sentence.end_unit && is_particle(unit + 1, {"을", "를"}) && unit_text(unit + 2).starts_with("넘")) {
        return;
    }
    // `두 팀의 격차는 지난 평가 4.1점에서 2.2점으로`: a difference is the
    // clause's subject; nobody's score in it.
    for (std::size_t u = unit; u-- > sentence.first_unit && u + kClauseReach > unit;) {
        if (model_name_at(u) || team_name_at(u)) break;
        if (units_.units[u].keyword == "delta" && u + 1 < unit && is_particle(u + 1, {"은", "는", "이", "가"})) return;
    }
    // A scale (100점 만점) is no score.
    if (is_scale(*q)) return;
    const std::string_view written = std::string_view(text_.text).substr(q->norm_start, q->norm_end - q->norm_start);
    // GPT-4o(2024): a year, not a score.
    if (q->unit.empty() && q->value.is_integer() && q->value.to_double() >= 1900 && q->value.to_double() <= 2100 &&
        written.find(',') == std::string_view::npos) {
        return;
    }
    // 80점대: a band of scores (80 to 89), not one.
    if (written.ends_with("대")) return;
    // 과목별 40점 이상, 60% 미만: a bound (a pass line, a condition), no score.
    if (ends_with_one_of(written, {"이상", "이하", "미만", "초과"})) return;
    // 이미지 80만 점, 사진 3만2000점: items counted, no test's points.
    if (q->value.to_double() >= kMaxScore) return;
    if (scale_without_subject(match.sentence)) return;
    Subject subject;
    if (const Capture* c = match.get("subject")) {
        subject.model = model_at(c->first);
        subject.team = subject.model ? team_of_model(*subject.model) : team_at(c->first);
        // A subject that names no model or team found in the article
        // (K-콘텐츠가 30%) makes the figure nobody's score.
        if (subject.empty()) return;
    }
    if (subject.empty()) subject = respective_subject(unit);
    if (subject.empty()) subject = find_subject(unit, /*subject_may_follow=*/false);
    if (subject.empty()) return;
    Fact& fact = emit(FactType::benchmark_score, range_span(unit, unit + 1), match.rule->id,
                      match.whole.first, match.whole.end);
    fact.score = q->value;
    fact.max_score = q->max_score;
    if (!q->unit.empty()) fact.unit = q->unit;
    fact.model = subject.model;
    fact.team = subject.team;
    const Capture* b = match.get("benchmark");
    if (b && !(b->end == b->first + 1 && benchmark_kind(b->first))) {
        fact.benchmark = entity(b->first) ? benchmark_name(b->first) : range_text(b->first, b->end);
    } else {
        fact.benchmark = benchmark_before(match.sentence, b ? b->end : unit);
    }
}

std::optional<std::string> FactBuilder::name_of_benchmark_kind(std::size_t u) const {
    if (!benchmark_kind(u)) return std::nullopt;
    const auto& units = units_.units;
    const std::size_t s = sentence_of_unit_[u];
    const std::size_t first = units_.sentences[s].first_unit;
    const std::size_t end = units_.sentences[s].end_unit;
    // The quotation mark `from` looks for, up to eight units away, with words between.
    const auto quote_mark = [&](std::size_t from, int step, UnitClass mark) -> std::optional<std::size_t> {
        for (std::size_t v = from, seen = 0; v >= first && v < end && seen < 8; v += step, ++seen) {
            if (units[v].cls == mark) return v;
            if (units[v].cls == UnitClass::dq_open || units[v].cls == UnitClass::dq_close ||
                units[v].cls == UnitClass::particle || (step < 0 && v == first)) {
                return std::nullopt;
            }
        }
        return std::nullopt;
    };
    // 'C-에이전트 아레나' 리더보드, LMArena 리더보드: the name before it.
    if (u > first && units[u - 1].cls == UnitClass::benchmark && !benchmark_kind(u - 1)) return benchmark_name(u - 1);
    if (u > first + 2 && units[u - 1].cls == UnitClass::sq_close) {
        if (const auto open = quote_mark(u - 2, -1, UnitClass::sq_open); open && *open + 2 < u) {
            // '코-아레나(Ko-Arena)' 리더보드: the name without its other spelling.
            std::size_t name_end = u - 1;
            if (unit_text(name_end - 1) == ")") {
                for (std::size_t v = name_end - 1; v > *open + 1; --v) {
                    if (unit_text(v) == "(") {
                        name_end = v;
                        break;
                    }
                }
            }
            return range_text(*open + 1, name_end);
        }
    }
    // '한국어 AI 리더보드': the quoted name it ends.
    if (u + 1 < end && units[u + 1].cls == UnitClass::sq_close && u > first) {
        if (const auto open = quote_mark(u - 1, -1, UnitClass::sq_open)) return range_text(*open + 1, u + 1);
    }
    // 공개 리더보드 ‘OALL’: the quoted name after it, written as a name (not
    // a model's, 리더보드 ‘K-엑사원’은 88.2점, nor a word, 리더보드 ‘상위권’).
    if (u + 2 < end && units[u + 1].cls == UnitClass::sq_open) {
        if (const auto close = quote_mark(u + 2, 1, UnitClass::sq_close); close && *close > u + 2) {
            const std::string quoted = range_text(u + 2, *close);
            bool names_model = false;
            for (std::size_t v = u + 2; v < *close && !names_model; ++v) names_model = model_name_at(v) != nullptr;
            if (!names_model && (has_latin_or_digit(quoted) || quoted.find('-') != std::string::npos)) return quoted;
        }
    }
    return std::nullopt;
}

std::optional<std::string> FactBuilder::benchmark_before(std::size_t s, std::size_t end) const {
    const auto& sentence = units_.sentences[s];
    std::optional<std::string> kind;
    for (std::size_t u = end; u-- > sentence.first_unit;) {
        if (units_.units[u].cls != UnitClass::benchmark) continue;
        if (!benchmark_kind(u)) return benchmark_name(u);
        if (auto named = name_of_benchmark_kind(u)) return named;
        if (!kind) kind = std::string(unit_text(u));
    }
    return kind;
}

}  // namespace kfacts
