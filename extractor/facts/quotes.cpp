// Quotations and their speakers (docs/rules.md, "Linking").
#include <algorithm>

#include "facts/fact_builder.h"

namespace kfacts {
namespace {

// A quotation with no speaker in its sentence goes to the last speaker named
// at most this many sentences before.
constexpr std::size_t kSpeakerCarrySentences = 4;
// Fewer characters make a term in quotation marks, not a quotation.
constexpr std::size_t kMinQuoteChars = 7;
// A quotation before a naming particle (라는) needs this many spaces to be a statement.
constexpr std::ptrdiff_t kMinStatementSpaces = 4;
// What a sentence may call a quotation before it: `"…"는 것이다`, `"…"는 입장을 냈다`,
// `"…"는 글을 올렸다`.
constexpr std::string_view kSaidNouns[] = {"것이다", "설명이다", "주장이다", "입장이다", "전망이다", "분석이다",
                                           "지적이다", "얘기다", "이야기다", "입장을", "글을"};
// Said only when the sentence names the speaker before the quotation: `김 대표는
// "…"는 뜻을 밝혔다`, while `사명에는 "…"는 뜻을 담았다` reports no speech.
constexpr std::string_view kSaidNounsOfNamed[] = {"뜻을", "의견을"};

// How the words after a quotation's closing mark report it as said: `…을
// 강조했다. "…"는 것이다.` (said: the speaker named before goes on), `"…"는
// 뜻을 밝혔다` (said), `김 대표는 "…"는 뜻을 분명히 했다` (said if its
// sentence names the speaker before it).
enum class Reported { no, said, said_if_named };
Reported reported_speech(std::string_view after_close) {
    if (!after_close.starts_with("는 ")) return Reported::no;
    after_close.remove_prefix(std::string_view("는 ").size());
    if (std::any_of(std::begin(kSaidNouns), std::end(kSaidNouns),
                    [&](std::string_view said) { return after_close.starts_with(said); })) {
        return Reported::said;
    }
    for (const std::string_view said : kSaidNounsOfNamed) {
        if (!after_close.starts_with(said)) continue;
        const std::string_view verb = after_close.substr(std::min(after_close.size(), said.size() + 1));
        for (const std::string_view saying : {"밝혔", "전했", "내비쳤", "피력했", "나타냈"}) {
            if (verb.starts_with(saying)) return Reported::said;
        }
        return Reported::said_if_named;
    }
    return Reported::no;
}

// A word that may modify a name rather than begin one: three syllables or
// more ending like an adnominal form (출신인, 창업자인, 총괄하는) or a
// connective one (… 등에 따르면 저커버그 CEO는), where a foreign given name of
// two (제인 스미스) may end so too.
bool modifier_like(std::string_view word) {
    return word.size() >= 9 && ends_with_one_of(word, {"인", "한", "된", "던", "는", "면", "며"});
}

// A city's or province's government (부산시, 경기도, 가평군): a word of three
// syllables or more, Hangul only, ending in 시, 도 or 군. Its spokesperson
// (부산시 관계자) speaks for it, where 업계 관계자 names nobody.
bool local_government(std::string_view word) {
    // 개인택시, 신도시: a taxi and a new town, no government.
    return word.size() >= 9 && is_hangul_syllable_run(word) && ends_with_one_of(word, {"시", "도", "군"}) &&
           !ends_with_one_of(word, {"택시", "도시"});
}

}  // namespace

std::optional<SpeakerMention> FactBuilder::speaker_from(const RuleMatch& match) const {
    const Capture* family = match.get("family");
    // Somebody not named (대표는 이렇게 말했다) in place of a name: a mention
    // that names nobody.
    const Capture* unnamed = match.get("unnamed");
    // An organisation, or its kind alone referring back to it (협의회 after 한국AI평가협의회).
    const Capture* orgref = match.get("orgref");
    // A person named in passing (일론 머스크가 이끄는 xAI): named, but no speaker.
    const Capture* passing = match.get("passing");
    const Capture* name = family ? family : unnamed ? unnamed : orgref ? orgref : passing ? passing : match.get("name");
    if (!name) return std::nullopt;
    // `모델 '파이 실리카(Phi Silica)'와`: a name in single quotation marks is a
    // product's, never a person's named in passing.
    if (passing && passing->first > 0 && units_.units[passing->first - 1].cls == UnitClass::sq_open) return std::nullopt;
    // The word that names the organisation the kind alone refers back to.
    std::optional<std::size_t> referred;
    if (orgref) {
        const std::string_view kind = unit_text(orgref->first);
        if (count_code_points(kind) <= 3) {  // the kind alone: 협의회, 위원회, 사업단, 연구소
            for (std::size_t u = orgref->first; u-- > 0 && !referred;) {
                const std::string_view word = unit_text(u);
                if (word.size() > kind.size() && word.ends_with(kind)) referred = u;
            }
            if (!referred) return std::nullopt;
        } else if (lexicon_.is_not_name(kind)) {
            return std::nullopt;  // 데이터센터: a place, not a body
        }
    }
    SpeakerMention mention;
    // Where the role may start at the earliest: past a gloss in Chinese
    // characters and a given name before it that are part of the name.
    std::size_t role_from = 0;
    std::size_t name_end = name->end;  // past a given name that follows the family name
    mention.is_family_reference = family != nullptr;
    mention.in_passing = passing != nullptr;
    mention.sentence = match.sentence;
    // The mention is what names the speaker; a pattern may go on past it (to the quotation).
    mention.first_unit = name->first;
    mention.end_unit = name->end;
    for (const char* field : {"role", "org"}) {
        if (const Capture* c = match.get(field)) {
            mention.first_unit = std::min(mention.first_unit, c->first);
            mention.end_unit = std::max(mention.end_unit, c->end);
        }
    }
    const UnitClass cls = units_.units[name->first].cls;
    std::size_t name_first = name->first;  // a Japanese name glossed in Chinese characters starts a word earlier
    // 한 빅테크 관계자, 한 증권사 연구원, 어느 대학 교수, 또 다른 대표: a, some,
    // another, naming nobody.
    const auto indefinite = [&](std::size_t u) { return is_one_of(unit_text(u), {"한", "어느", "다른"}); };
    // The same before a name read as a person's, where 한 follows no object
    // (기조연설을 한 김민수 대표는: did, not 'a').
    const auto indefinite_before_name = [&](std::size_t name_unit) {
        if (name_unit == 0 || !indefinite(name_unit - 1)) return false;
        return !(unit_text(name_unit - 1) == "한" && name_unit >= 2 && is_particle(name_unit - 2, {"을", "를"}));
    };
    // 서울의 한 사립대 AI대학원 교수는: a word read as a name after 'a' is
    // what the nobody named is.
    if (cls == UnitClass::person && indefinite_before_name(name->first)) return std::nullopt;
    // 익명을 요청한 한 교수는, 지방 사립대의 한 교수는: 한 after a modifying
    // verb or 의 is 'a', referring to nobody (이 and 전 there are as often a
    // surname and 'former': 회사를 이끄는 이 대표는, 투자를 주도한 전 대표는).
    if (cls == UnitClass::surname && unit_text(name->first) == "한" && name->first > 0 &&
        (is_particle(name->first - 1, {"의"}) ||
         (units_.units[name->first - 1].cls == UnitClass::word &&
          unit_text(name->first - 1).size() >= 2 * kSyllableBytes &&
          ends_with_one_of(unit_text(name->first - 1), {"한", "은", "는", "던", "된", "인", "운", "할"})))) {
        return std::nullopt;
    }
    const Capture* role = match.get("role");
    // 카카오 관계자는: the organisation speaks through its spokesperson.
    mention.is_spokesperson = role && role->end - role->first == 1 && units_.units[role->first].keyword == "unnamed";
    if (const auto team = team_at(name->first)) {
        mention.speaker.name = *team;
        mention.speaker.team = team;
    } else if (cls == UnitClass::org) {
        mention.speaker.name = entity(name->first)->name;
    } else if (mention.is_spokesperson &&
               ((cls == UnitClass::word && units_.units[name->first].keyword.empty() &&
                 !local_government(unit_text(name->first))) ||
                (name->first > 0 && indefinite(name->first - 1)))) {
        return std::nullopt;  // 업계 관계자, 한 빅테크 관계자: nobody named
    } else {
        // 벼리랩스 측: the organisation without 측.
        const bool side = name->end - name->first > 1 && units_.units[name->end - 1].keyword == "unnamed";
        mention.speaker.name = referred ? std::string(unit_text(*referred))
                                        : range_text(name->first, side ? name->end - 1 : name->end);
        // 회사 측은, 한 관계자는, a title alone: somebody not named; so is a
        // body glossed in Han that not_names.txt lists (외교부(外交部) 대변인은).
        const bool listed_glossed = cls == UnitClass::word && name->end - name->first == 1 &&
                                    name->end < units_.units.size() && unit_text(name->end) == "(" &&
                                    lexicon_.is_not_name(unit_text(name->first));
        if (unnamed || units_.units[name->first].keyword == "unnamed" || cls == UnitClass::title || listed_glossed) {
            mention.speaker.name.clear();
        }
        // 회사는, 회사 측은: the company the article is about at that point.
        if (units_.units[name->first].keyword == "company") {
            const auto company = company_referred(match.sentence);
            mention.speaker.name = company.value_or("");
            mention.speaker.team = company;
        }
        // 컨소시엄은, KT 컨소시엄 측은: the team named as a consortium there or
        // last before (한결데이터 컨소시엄), else nobody named.
        if (cls == UnitClass::word && unit_text(name->first) == "컨소시엄") {
            mention.speaker.name.clear();
            for (std::size_t u = name->first + 1; u-- > 1;) {
                if (unit_text(u) != "컨소시엄") continue;
                if (const auto team = team_at(u - 1)) {
                    mention.speaker.name = *team;
                    mention.speaker.team = team;
                    break;
                }
            }
        }
        // A foreign name is written as two words (존 스미스): a person as well,
        // unless a word is one that only looks like a name (이날 오후).
        const bool two_words = name->end - name->first == 2 && !side && cls == UnitClass::word &&
                               units_.units[name->first].keyword.empty() &&
                               units_.units[name->first + 1].cls == UnitClass::word &&
                               units_.units[name->first + 1].keyword.empty();
        if (two_words && (lexicon_.is_not_name(unit_text(name->first)) || indefinite(name->first) ||
                          indefinite(name->first + 1) || lexicon_.is_not_name(unit_text(name->first + 1)) ||
                          indefinite_before_name(name->first))) {
            return std::nullopt;  // 만난 한 스타트업 대표, 한 외국계 증권사 애널리스트: 'a', naming nobody
        }
        // `"…"고 묻자 휘트필드 CEO는`: a word in -자 after a quotation's particle
        // is the verb that quotation ends on (as soon as … asked), no part of a
        // name; `"…"고 카리 브리스키 … 부사장은 설명했다` names its speaker there.
        if (two_words && name->first >= 2 && unit_text(name->first).ends_with("자") &&
            units_.units[name->first - 1].cls == UnitClass::particle &&
            (units_.units[name->first - 2].cls == UnitClass::dq_close ||
             units_.units[name->first - 2].cls == UnitClass::sq_close)) {
            return std::nullopt;
        }
        // 조다니엘(Daniel Cho): a name glossed in Latin is a person's.
        const bool glossed =
            name->end < units_.units.size() && unit_text(name->end) == "(" && cls == UnitClass::word && role != nullptr;
        // 창업자인 왕쥔페이(王俊飛): a modifier before a glossed one-word name is
        // no part of it; the one-word name's own mention stands.
        if (two_words && glossed && modifier_like(unit_text(name->first))) return std::nullopt;
        // 사토 유이치(佐藤雄一): a gloss of four Chinese characters or more writes a
        // Japanese family and given name, two words in Hangul, where a Chinese
        // name (레이쥔(雷軍), 저우밍하오(周明浩)) is one.
        const auto japanese_gloss = [&](std::size_t u) {
            const std::string_view gloss = unit_text(u);
            return count_code_points(gloss) >= 4 &&
                   std::all_of(gloss.begin(), gloss.end(), [](char c) { return (static_cast<unsigned char>(c) & 0x80) != 0; });
        };
        // (The given name may read as a Korean name too: 오카모토 유이치(岡本裕一).)
        const bool glossed_in_han = (glossed || (cls == UnitClass::person && role != nullptr && name->end < units_.units.size() &&
                                                 unit_text(name->end) == "("));
        if (glossed_in_han && name->end - name->first == 1 && name->first > 0 && name->end + 2 < units_.units.size() &&
            unit_text(name->end + 2) == ")" && japanese_gloss(name->end + 1)) {
            const std::size_t family = name->first - 1;
            // The family name may read as a Korean name too (오카모토 유이치(岡本裕一)).
            if ((units_.units[family].cls == UnitClass::word || units_.units[family].cls == UnitClass::person) &&
                units_.units[family].keyword.empty() && !lexicon_.is_not_name(unit_text(family)) &&
                !modifier_like(unit_text(family))) {
                name_first = family;
                mention.first_unit = std::min(mention.first_unit, family);
                mention.speaker.name = range_text(family, name->end);
                role_from = name->end + 3;
            }
        }
        // 마쓰다 료헤이(松田亮平) PFN 부사장은, where 마쓰다 reads as a Korean name:
        // the word glossed after it is its given name, written family name first.
        if (cls == UnitClass::person && name->end - name->first == 1 && name->end + 3 < units_.units.size() &&
            units_.units[name->end].cls == UnitClass::word && units_.units[name->end].keyword.empty() &&
            unit_text(name->end + 1) == "(" && unit_text(name->end + 3) == ")" && japanese_gloss(name->end + 2)) {
            mention.speaker.name = range_text(name->first, name->end + 1);
            name_end = name->end + 1;
            role_from = name->end + 4;
        }
        mention.is_person = cls == UnitClass::person || two_words || glossed;
        if (two_words && !glossed && modifier_like(unit_text(name->first))) {
            mention.family_span = range_span(name->first + 1, name->end);
        }
        mention.is_reference = cls == UnitClass::surname;
        mention.is_pronoun = units_.units[name->first].keyword == "pron";
        mention.names_previous_quote = match.get("said") != nullptr;
        mention.is_caption = match.get("caption") != nullptr;
    }
    mention.speaker.span = range_span(name_first, name_end);
    // 한상철(68) 씨: the age in parentheses is no part of the role; nor is
    // a given name and its gloss (마쓰다 료헤이(松田亮平) PFN 부사장).
    if (role && std::max(role->first, role_from) < role->end) {
        std::size_t role_first = std::max(role->first, role_from);
        if (role->end - role_first > 3 && unit_text(role_first) == "(" && unit_text(role_first + 2) == ")" &&
            (units_.units[role_first + 1].cls == UnitClass::quantity ||
             units_.units[role_first + 1].cls == UnitClass::other_number)) {
            role_first += 3;
        }
        mention.speaker.role = range_text(role_first, role->end);
        // 장세훈 박사다: the title without its copula.
        if (units_.units[role->end - 1].cls == UnitClass::title || units_.units[role->end - 1].cls == UnitClass::reporter) {
            for (const std::string_view copula : {"이다", "다"}) {
                std::string& r = *mention.speaker.role;
                if (r.size() > copula.size() && r.ends_with(copula)) {
                    r.resize(r.size() - copula.size());
                    break;
                }
            }
        }
        for (std::size_t u = role->first; u < role->end && !mention.speaker.org; ++u) {
            if (const auto team = team_at(u)) {
                mention.speaker.org = team;  // also a team found by the rules (새빛인텔리전스 대표)
                mention.speaker.team = team;
            } else if (const Entity* e = entity(u); e && e->kind == EntityKind::org) {
                mention.speaker.org = e->name;
            }
        }
    }
    if (const Capture* org = match.get("org")) {
        const Entity* e = entity(org->first);
        mention.speaker.org = e ? e->name : range_text(org->first, org->end);
        mention.speaker.team = team_at(org->first);
    }
    return mention;
}

// The team that `회사` in sentence `s` refers to: the topic team (or the
// topic model's team) of this sentence or the last few, else the team that
// was most often a topic before it.
std::optional<std::string> FactBuilder::company_referred(std::size_t s) const {
    // The team a sentence just before makes its subject (누리랩스는 …). A model
    // there may be a baseline's (알리바바의 '큐웬3'는 65.9점): an article about
    // one company (its headline names it acting) calls that one 회사.
    const std::optional<std::string> of_headline =
        headline_teams_.size() == 1 ? std::optional<std::string>(headline_teams_.front()) : std::nullopt;
    for (std::size_t back = 0; back <= kSpeakerCarrySentences && back <= s; ++back) {
        const std::size_t p = s - back;
        if (topic_team_[p]) return team_at(*topic_team_[p]);
        if (topic_model_[p]) {
            if (of_headline) return of_headline;
            if (const auto model = model_at(*topic_model_[p])) {
                if (auto team = team_of_model(*model)) return team;
            }
        }
    }
    return of_headline ? of_headline : frequent_topic_team_[s];
}

// Whether the name ending before unit `u` is the subject of a clause that
// modifies a noun: `과기정통부가 제출한 자료`, `NIA가 만든 결과`: its verb ends
// in a syllable with the final ㄴ of the adnominal forms (한, 든, 은, 는, 던).
bool FactBuilder::subject_of_modifying_clause(std::size_t u) const {
    if (u + 1 >= units_.units.size() || !is_particle(u, {"이", "가"}) ||
        units_.units[u + 1].cls == UnitClass::particle) {
        return false;
    }
    // A noun before its particle (`NIA가 반론을 통해`) ends in ㄴ too.
    if (u + 2 < units_.units.size() && units_.units[u + 2].cls == UnitClass::particle) return false;
    const std::string_view verb = unit_text(u + 1);
    if (verb.size() < kSyllableBytes) return false;
    char32_t cp = 0;
    bool valid = false;
    utf8_sequence(verb, verb.size() - kSyllableBytes, cp, valid);
    constexpr unsigned kFinalNieun = 4;  // ㄴ
    return valid && is_hangul_syllable(cp) && syllable_final_index(cp) == kFinalNieun;
}

// The last unit of the paragraph that unit `u` is in.
std::size_t FactBuilder::paragraph_last_unit(std::size_t u) const {
    const std::size_t line_end = text_.text.find('\n', units_.units[u].norm_end);
    const std::size_t end = line_end == std::string::npos ? text_.text.size() : line_end;
    const auto& units = units_.units;
    const auto after = std::lower_bound(units.begin() + static_cast<std::ptrdiff_t>(u), units.end(), end,
                                        [](const Unit& x, std::size_t offset) { return x.norm_start < offset; });
    return static_cast<std::size_t>(after - units.begin()) - 1;
}

bool FactBuilder::answers_question(std::size_t norm_offset) const {
    const std::string_view text = text_.text;
    const std::size_t line_start = text.rfind('\n', norm_offset == 0 ? 0 : norm_offset - 1);
    if (line_start == std::string_view::npos) return false;
    if (text.substr(line_start + 1, norm_offset - line_start - 1).find_first_not_of(" \t") != std::string_view::npos) {
        return false;  // the quotation does not open its line
    }
    return previous_line_asks(line_start);
}

bool FactBuilder::previous_line_asks(std::size_t before) const {
    const std::string_view text = text_.text;
    std::size_t end = before;
    while (end > 0 && (text[end - 1] == '\n' || text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
    const std::size_t start = end == 0 ? 0 : text.rfind('\n', end - 1) + 1;
    return end > 0 && is_question_line(text.substr(start, end - start));
}

bool FactBuilder::in_answer(std::size_t norm_offset) const {
    const std::string_view text = text_.text;
    const std::size_t line_start = norm_offset == 0 ? 0 : text.rfind('\n', norm_offset - 1) + 1;  // npos + 1 is 0
    const std::size_t line_end = std::min(text.find('\n', norm_offset), text.size());
    const std::string_view line = text.substr(line_start, line_end - line_start);
    if (is_question_line(line)) return false;
    return line.starts_with("A.") || line.starts_with("A:") || previous_line_asks(line_start);
}

bool FactBuilder::is_question_line(std::string_view line) {
    if (line.starts_with("―") || line.starts_with("—") || line.starts_with("Q.") || line.starts_with("Q:") ||
        line.starts_with("Q ")) {
        return true;
    }
    // `-다음 목표는.`, `-왜 직접 만들었나?`: a hyphen against the question, which
    // asks or names a topic; a list item (`- X: 74.1%`) does neither.
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
    return line.size() > 1 && line[0] == '-' && line[1] != ' ' && line[1] != '-' &&
           (line.ends_with("?") || line.ends_with("은.") || line.ends_with("는."));
}

std::size_t FactBuilder::first_question_offset() const {
    const std::string_view text = text_.text;
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
        if (is_question_line(line)) return start;
        start = end + 1;
    }
    return text.size();
}

// Quotations and who said them. A quotation is words in double quotation
// marks followed by an attribution (라고, 며, 고 …) or closing a sentence that
// names its speaker; single-quoted names and slogans are not quotations.
void FactBuilder::add_quotes(const std::vector<RuleMatch>& matches) {
    // Words inside a quotation name nobody who speaks it or the next one
    // (`"변호사가 답변을 믿지 못하는 이유는 …"`).
    std::vector<bool> quoted(units_.units.size(), false);
    for (std::size_t u = 0; u < units_.units.size(); ++u) {
        const Unit& open = units_.units[u];
        if (open.cls != UnitClass::dq_open || open.pair <= static_cast<std::int64_t>(u)) continue;
        for (std::size_t v = u + 1; v < static_cast<std::size_t>(open.pair); ++v) quoted[v] = true;
        u = static_cast<std::size_t>(open.pair);
    }
    std::vector<SpeakerMention> mentions;
    for (const RuleMatch& match : matches) {
        if (match.rule->fact != "speaker") continue;
        if (auto m = speaker_from(match); m && !quoted[m->first_unit]) mentions.push_back(std::move(*m));
    }
    // By start, then longest; of two readings of the same words, the longer
    // name (마리아 로시 over 마리아).
    std::stable_sort(mentions.begin(), mentions.end(), [](const SpeakerMention& a, const SpeakerMention& b) {
        if (a.first_unit != b.first_unit) return a.first_unit < b.first_unit;
        if (a.end_unit != b.end_unit) return a.end_unit > b.end_unit;
        return a.speaker.name.size() > b.speaker.name.size();
    });
    // Overlapping mentions from several rules: keep the first, longest.
    std::vector<SpeakerMention> kept;
    for (auto& m : mentions) {
        if (!kept.empty() && m.first_unit < kept.back().end_unit) {
            // The same words read by two rules: one may also say that they
            // name the previous quotation's speaker (… 이렇게 말했다), also when
            // it read fewer of them (스타트업 대표는 | 대표는 이렇게 말했다).
            kept.back().names_previous_quote = kept.back().names_previous_quote || m.names_previous_quote;
            continue;
        }
        kept.push_back(std::move(m));
    }
    // A later reference (정 CIC장) is the last person named before with that surname.
    std::vector<const Speaker*> people;
    for (SpeakerMention& m : kept) {
        // 이토 총괄 after 이토 겐지(伊藤健二): a name of one word that begins an
        // earlier name of two, written family name first, is that person again.
        if (m.is_person && !m.family_span && m.speaker.name.find(' ') == std::string::npos) {
            const std::string& part = m.speaker.name;
            const auto earlier = std::find_if(people.rbegin(), people.rend(), [&](const Speaker* p) {
                return p->name.size() > part.size() + 1 && p->name.compare(0, part.size(), part) == 0 &&
                       p->name[part.size()] == ' ';
            });
            if (earlier != people.rend()) {
                Speaker named = **earlier;
                named.span = m.speaker.span;
                if (m.speaker.role) named.role = m.speaker.role;
                m.speaker = std::move(named);
            }
        }
        if (m.is_person) people.push_back(&m.speaker);
        if (m.is_pronoun) {
            // A pronoun with nobody named before it names nobody.
            if (people.empty()) m.speaker.name.clear();
            else m.speaker = *people.back();
            continue;
        }
        if (m.family_span) {
            const std::string full = m.speaker.name;
            const std::string family = full.substr(full.find(' ') + 1);
            const auto earlier = std::find_if(people.rbegin() + 1, people.rend(), [&](const Speaker* p) {
                return p->name != full && ends_with_word(p->name, family);
            });
            if (earlier != people.rend()) {
                Speaker named = **earlier;
                named.span = *m.family_span;
                if (m.speaker.role) named.role = m.speaker.role;
                m.speaker = std::move(named);
            } else {
                // Nobody named so before (개발을 총괄하는 윤가을 CTO는): the
                // modifier is no part of the name.
                m.speaker.name = family;
                m.speaker.span = *m.family_span;
            }
            continue;
        }
        if (!m.is_reference && !m.is_family_reference) continue;
        // Whether `role` (누리랩스 최고경영자(CEO)) holds the office `title`
        // names: the title itself, or another name of a company's head (대표 for CEO).
        const auto holds_office = [&](std::string_view role, std::string_view title) {
            return role.find(title) != std::string_view::npos ||
                   (lexicon_.is_company_head_title(title) && lexicon_.names_company_head(role));
        };
        // 정 CIC장: 정석근 begins with it; 카터 CEO: 에밀리 카터 ends with ' 카터',
        // and so does 제이슨 한 for 한 대표.
        const auto names_it = [&](const Speaker& person) {
            const std::string& full = person.name;
            const std::string& part = m.speaker.name;
            // 한 개발자는 after 한지오 대표: a surname that also reads as a
            // determiner (one, this, former, some) begins a Korean name
            // it refers to only with the office the person was named with (한
            // 대표는 after 한지오 CEO is him; 제이슨 한 is 한 대표 whatever his title).
            if (lexicon_.surname_reads_as_determiner(part) && m.speaker.role &&
                full.compare(0, part.size(), part) == 0 &&
                (!person.role || !holds_office(*person.role, *m.speaker.role))) {
                return false;
            }
            // 저우린 부사장은 after 저우린(周林): a name of one word, named whole again.
            if (m.is_family_reference && full == part && full.find(' ') == std::string::npos) return true;
            // 후지와라 대표는 after 후지와라 나오키(藤原直樹): a Japanese name is written
            // family name first.
            if (m.is_family_reference && full.size() > part.size() && full.compare(0, part.size(), part) == 0 &&
                full[part.size()] == ' ') {
                return true;
            }
            if (m.is_reference && full.size() > part.size() && full.compare(0, part.size(), part) == 0 &&
                full[part.size()] != ' ') {
                return true;
            }
            return ends_with_word(full, part);
        };
        const auto it = std::find_if(people.rbegin(), people.rend(), [&](const Speaker* p) { return names_it(*p); });
        if (it != people.rend()) {
            Speaker full = **it;
            full.span = m.speaker.span;
            if (m.speaker.role) full.role = m.speaker.role;
            m.speaker = std::move(full);
            // Named again, so the last person named: 그는 after `한 대표는` is 한서진.
            if (people.empty() || people.back() != &m.speaker) people.push_back(&m.speaker);
        } else {
            m.speaker.name.clear();  // 한 심사위원은: nobody named before, so nobody named
        }
    }
    // The first speaker `find(v)` gives for a unit v in [from, to) outside
    // any quotation (a word inside an earlier one names nobody: `"머스크가
    // 서두른다"며 "…"`).
    const auto first_outside_quotations = [&](std::size_t from, std::size_t to,
                                              const auto& find) -> std::optional<Speaker> {
        for (std::size_t v = from; v + 1 < to; ++v) {
            if (units_.units[v].cls == UnitClass::dq_open && units_.units[v].pair > static_cast<std::int64_t>(v)) {
                v = static_cast<std::size_t>(units_.units[v].pair);
                continue;
            }
            if (auto speaker = find(v)) return speaker;
        }
        return std::nullopt;
    };
    // 머스크는 … "…", "…"고 로웰은 설명했다: a family name alone as a subject
    // in units [from, to), before or after the quotation, that ends the full
    // name of a person named before it (일론 머스크(Elon Musk)가 이끄는 xAI).
    // Asked only for a quotation with nobody named before or after it in its
    // sentence: as a rule, every `word 은/는` would be a mention to resolve.
    const auto family_named_in = [&](std::size_t from, std::size_t to) {
        return first_outside_quotations(from, to, [&](std::size_t v) -> std::optional<Speaker> {
            if (units_.units[v].cls != UnitClass::word || !units_.units[v].keyword.empty() ||
                !is_particle(v + 1, {"은", "는", "이", "가"})) {
                return std::nullopt;
            }
            const std::string_view family = unit_text(v);
            for (std::size_t k = kept.size(); k-- > 0;) {
                if (kept[k].is_person && kept[k].end_unit <= v && ends_with_word(kept[k].speaker.name, family)) {
                    Speaker named = kept[k].speaker;
                    named.span = range_span(v, v + 1);
                    return named;
                }
            }
            return std::nullopt;
        });
    };
    // 코드베리는 "…": a team no list knows (found elsewhere in the article)
    // as a subject in units [from, to) before the quotation speaks it, where
    // nobody else is named (listed teams are speaker.rules' business).
    const auto local_team_named_in = [&](std::size_t from, std::size_t to) {
        return first_outside_quotations(from, to, [&](std::size_t v) -> std::optional<Speaker> {
            if (units_.units[v].cls != UnitClass::word) return std::nullopt;
            const std::string* team = local_name_at(local_teams_, v);
            if (!team) return std::nullopt;
            const std::size_t end = name_end_unit(v);
            if (end >= to || !is_particle(end, {"은", "는", "도"})) return std::nullopt;
            return Speaker{*team, std::nullopt, std::nullopt, range_span(v, end), *team};
        });
    };
    // A headline's `젠슨 황 "…"`: a sentence that opens with a person's name,
    // or family name, right before the quotation, the person named anywhere
    // in the article (the body names them after the headline).
    const auto person_heading_quotation = [&](std::size_t sentence, std::size_t open_unit) -> std::optional<Speaker> {
        const std::size_t first = units_.sentences[sentence].first_unit;
        if (open_unit == first || open_unit > first + 2) return std::nullopt;
        for (std::size_t v = first; v < open_unit; ++v) {
            if (units_.units[v].cls != UnitClass::word || !units_.units[v].keyword.empty()) return std::nullopt;
        }
        const std::string written = range_text(first, open_unit);
        for (const SpeakerMention& m : kept) {
            if (m.is_person && (m.speaker.name == written || ends_with_word(m.speaker.name, written))) {
                Speaker named = m.speaker;
                named.span = range_span(first, open_unit);
                return named;
            }
        }
        return std::nullopt;
    };

    std::optional<Speaker> last_speaker;
    std::size_t last_speaker_sentence = 0;
    std::optional<std::optional<Speaker>> interviewee;  // found once an interview answer needs it
    std::size_t next_mention = 0;
    const auto& units = units_.units;
    for (std::size_t u = 0; u < units.size(); ++u) {
        // Whoever was last named as speaking is who a later, unattributed quotation continues.
        for (; next_mention < kept.size() && kept[next_mention].end_unit <= u; ++next_mention) {
            const SpeakerMention& m = kept[next_mention];
            if ((m.is_pronoun && m.speaker.name.empty()) || m.in_passing) continue;
            // Somebody unnamed spoke last, or for an organisation.
            if (m.speaker.name.empty() || m.is_spokesperson) last_speaker.reset();
            else last_speaker = m.speaker;
            last_speaker_sentence = m.sentence;
        }
        const Unit& open = units[u];
        if (open.cls != UnitClass::dq_open) continue;
        // A quotation that a paragraph break cuts open (`대표는 "… 모델이다.`,
        // a photo caption, then the rest) runs to the end of its paragraph,
        // unless that is farther than any pair of marks may be apart: then
        // the mark is a stray.
        const bool closed = open.pair > static_cast<std::int64_t>(u);
        if (!closed && open.pair >= 0) continue;
        std::size_t close = closed ? static_cast<std::size_t>(open.pair) : paragraph_last_unit(u);
        if (close <= u + 1) continue;
        if (!closed && units[close].norm_end - open.norm_end > max_quotation_bytes) continue;
        const std::size_t s = sentence_of_unit_[u];
        const std::size_t close_sentence = sentence_of_unit_[close];
        const auto& end_sentence = units_.sentences[close_sentence];
        const std::size_t inner_start = open.norm_end;
        const std::size_t inner_end = closed ? units[close].norm_start : units[close].norm_end;
        const std::string_view words = std::string_view(text_.text).substr(inner_start, inner_end - inner_start);
        // A term in quotation marks ("게임 체인저"라고 불렀다) is no quotation: a
        // quotation has a few words at least. (A code point takes four bytes
        // at most, so a long quotation needs no count.)
        const bool short_words = words.size() < 4 * kMinQuoteChars && count_code_points(words) < kMinQuoteChars;
        if (words.find(' ') == std::string_view::npos || short_words) {
            u = close;
            continue;
        }

        // Attribution right after the closing mark (라고, 이라며, 고 …: the
        // particle lexicon's attribution particles, or a verb of saying), or
        // the sentence ends there.
        // A translation in parentheses may stand between the two: `"We are
        // …"(…하게 돼 기쁘다)라고`.
        std::size_t attribution = close + 1;
        if (attribution < end_sentence.end_unit && unit_text(attribution) == "(" &&
            units[attribution].norm_start == units[close].norm_end) {
            for (std::size_t v = attribution + 1; v < end_sentence.end_unit; ++v) {
                if (unit_text(v) == ")") {
                    attribution = v + 1;
                    break;
                }
            }
        }
        const std::size_t attribution_start = units[attribution - 1].norm_end;
        const std::string_view after = std::string_view(text_.text).substr(attribution_start, 24);
        const std::string_view particle = after.substr(0, particles_.attribution_prefix_length(after));
        // `"…"라는 게 그의 주장이다` quotes a statement; `"게임 체인저"라는 평가` names a term.
        const bool statement = std::count(words.begin(), words.end(), ' ') >= kMinStatementSpaces;
        // `"…"(이도훈 가람AI CTO), "…"(윤세아 대표) 등`: a name in parentheses right after it.
        const auto parenthesised_after = [&](const SpeakerMention& m) {
            return m.first_unit == close + 2 && unit_text(close + 1) == "(";
        };
        // `"…" 백승호 코드너머 대표의 말이다`: a mention right after it that says
        // whose words they were (mentions are sorted by their first unit).
        const SpeakerMention* said_after = [&]() -> const SpeakerMention* {
            const auto m = std::lower_bound(kept.begin(), kept.end(), close + 1,
                                            [](const SpeakerMention& x, std::size_t v) { return x.first_unit < v; });
            const bool says = m != kept.end() && m->names_previous_quote &&
                              (m->first_unit == close + 1 || parenthesised_after(*m) ||
                               // `"…"는 게 개발을 총괄한 한도윤 … 랩장의 설명이다`: later in its sentence.
                               (m->sentence == close_sentence && particle.empty() && after.starts_with("는 ")));
            return says ? &*m : nullptr;
        }();
        // A headline names its speaker before the quotation and no verb after
        // it; asked once, when needed.
        std::optional<Speaker> heading;
        bool heading_asked = false;
        const auto headed = [&] {
            if (!heading_asked) heading = person_heading_quotation(s, u);
            heading_asked = true;
            return heading.has_value();
        };
        // `탁 교수는 "…맞느냐"는 질문을 던졌다`: a question asked is said too.
        const bool asked = statement && (after.starts_with("는 질문") || after.starts_with("는 물음"));
        // `한 기자가 "…냐"고 묻자 정 CTO는 "…"`, `"…"는 질문이 나오자`, `"…"라는
        // 질문에 김 대표는`: words put to the person named next, who answers
        // them; they are the asker's, named before them or nobody. (`"…"고
        // 기자들의 질문에 답했다` answers.)
        const auto answered = [&](std::size_t w) {
            return w < end_sentence.end_unit && (units[w].keyword == "say" || unit_text(w).starts_with("답") ||
                                                 unit_text(w).starts_with("반박") || unit_text(w).starts_with("해명"));
        };
        bool put_to_next = false;
        for (std::size_t v = close + 1; v < end_sentence.end_unit && v <= close + 4 && !put_to_next; ++v) {
            if (units[v].cls == UnitClass::dq_open) break;
            const std::string_view word = unit_text(v);
            put_to_next = is_one_of(word, {"묻자", "되묻자", "물어보자", "질문하자", "반문하자", "지적하자", "따지자",
                                           "꼬집자", "나오자", "이어지자"}) ||
                          (is_one_of(word, {"질문", "물음", "지적"}) && v + 1 < end_sentence.end_unit &&
                           is_particle(v + 1, {"에", "에는", "에도"}) && !answered(v + 2));
        }
        const Reported reported = statement ? reported_speech(after) : Reported::no;
        const bool attributed = !closed || attribution >= end_sentence.end_unit || units[attribution].keyword == "say" ||
                                (!particle.empty() && (lexicon_.word_class(particle) != "naming" || statement)) ||
                                reported == Reported::said || asked || said_after != nullptr || headed();
        const bool said_by_named = !attributed && reported == Reported::said_if_named;
        if (!attributed && !said_by_named) {
            u = close;
            continue;
        }

        // The speaker: named before the quotation in its sentence, else after
        // it, else the last speaker when the sentence goes on with 이어 or the like.
        std::optional<Speaker> speaker;
        bool spokesperson = false;
        // Parentheses right after it name the speaker before any other name.
        if (said_after && parenthesised_after(*said_after)) speaker = said_after->speaker;
        const auto names_a_person = [](const SpeakerMention& p) {
            return !p.speaker.name.empty() && (p.is_person || p.is_reference || p.is_family_reference || p.is_pronoun);
        };
        for (std::size_t k = kept.size(); k-- > 0 && !speaker;) {
            const SpeakerMention& m = kept[k];
            // `A는 B 장관에게 "…"`: the one spoken to, named for later mentions, says nothing here.
            if (m.sentence == s && m.end_unit <= u && is_particle(m.end_unit, {"에게"})) continue;
            if (m.in_passing) continue;
            if (m.sentence == s && m.end_unit <= u) {
                // `김 의원은 과기정통부가 제출한 자료를 인용해 "…"`: an
                // organisation that is the subject of a clause modifying a
                // noun speaks no quotation; the person the sentence is about does.
                if (!names_a_person(m) && k > 0 && kept[k - 1].sentence == s && names_a_person(kept[k - 1]) &&
                    subject_of_modifying_clause(m.end_unit) && is_particle(kept[k - 1].end_unit, {"은", "는"})) {
                    speaker = kept[k - 1].speaker;
                    break;
                }
                speaker = m.speaker;
                spokesperson = m.is_spokesperson;
                break;
            }
            if (m.is_caption && m.sentence + 1 == s && u == units_.sentences[s].first_unit &&
                m.end_unit == units_.sentences[m.sentence].end_unit) {
                speaker = m.speaker;
                break;
            }
        }
        if (said_by_named && !speaker) {
            u = close;
            continue;
        }
        if (!closed && !speaker) speaker = family_named_in(units_.sentences[s].first_unit, u);
        // A quotation cut open is someone's only when its sentence names them
        // before it, or when the words that follow, with no other quotation
        // opening, end in a sentence that says whose they were (a quotation over
        // two paragraphs, then `… 부사장은 이렇게 말했다`).
        if (!closed && !speaker) {
            for (const SpeakerMention& m : kept) {
                if (m.first_unit <= close) continue;
                if (m.sentence <= close_sentence + kSpeakerCarrySentences && m.names_previous_quote &&
                    std::none_of(units.begin() + static_cast<std::ptrdiff_t>(close) + 1,
                                 units.begin() + static_cast<std::ptrdiff_t>(m.first_unit),
                                 [](const Unit& unit) { return unit.cls == UnitClass::dq_open; })) {
                    speaker = m.speaker;
                }
                break;
            }
            if (!speaker) {
                u = close;
                continue;
            }
        }
        if (!speaker && !put_to_next) {
            for (const SpeakerMention& m : kept) {
                if (m.in_passing) continue;
                if (m.sentence == close_sentence && m.first_unit > close) {
                    speaker = m.speaker;
                    break;
                }
                // `"…." 박소연 정책실장의 말이다.`: the next sentence says whose words they were.
                if (m.names_previous_quote && m.sentence == close_sentence + 1 &&
                    close + 1 >= end_sentence.end_unit) {
                    speaker = m.speaker;
                    break;
                }
            }
        }
        // Named neither before nor after it: a family name alone before or
        // after it, or a headline's name.
        if (!speaker) speaker = family_named_in(units_.sentences[s].first_unit, u);
        if (!speaker && closed && !put_to_next) speaker = family_named_in(close + 1, end_sentence.end_unit);
        if (!speaker && headed()) speaker = heading;
        if (!speaker) speaker = local_team_named_in(units_.sentences[s].first_unit, u);
        // An unnamed speaker (회사 측은 "…") is nobody we can name, and no reason
        // to give the words to the last person named either.
        const bool unnamed = speaker && speaker->name.empty();
        if (unnamed) speaker.reset();
        // An interview's answer (a quotation opening the line after a
        // question `―…?` or `Q. …`) is the interviewee's: the last person
        // named before the first question, else the last person named.
        // (Only a quotation standing as the whole answer: one that its own
        // sentence attributes, `"…"이라는 경고가 나온다`, is no answer.)
        if (!speaker && !unnamed && attribution >= end_sentence.end_unit && answers_question(open.norm_start)) {
            if (!interviewee) {
                // Found once: the last person named before the first question.
                const std::size_t first_question = first_question_offset();
                interviewee = std::optional<Speaker>();
                for (std::size_t k = kept.size(); k-- > 0 && !*interviewee;) {
                    // A person named in passing (윤재섭 교수 연구실이) is no interviewee.
                    if (kept[k].is_person && !kept[k].in_passing && units[kept[k].first_unit].norm_start < first_question) {
                        *interviewee = kept[k].speaker;
                    }
                }
            }
            speaker = *interviewee;
            for (std::size_t k = kept.size(); k-- > 0 && !speaker;) {
                if (kept[k].is_person && !kept[k].in_passing && kept[k].end_unit <= u) speaker = kept[k].speaker;
            }
        }
        // `클라우드온은 "…"`: a sentence that opens on a subject of its own and
        // quotes it at once names a speaker no rule knows, not the last one
        // (`유씨는 "…"` refers to a person named before).
        // (A person named before, written alone, `정우진은 "…"`, goes on too.)
        const std::size_t first = units_.sentences[s].first_unit;
        const auto named_before = [&](std::string_view word) {
            return std::any_of(kept.begin(), kept.end(), [&](const SpeakerMention& m) {
                return m.end_unit <= first && m.is_person && m.speaker.name.starts_with(word);
            });
        };
        const bool own_subject = u == first + 2 && units[first].cls == UnitClass::word &&
                                 is_particle(first + 1, {"은", "는"}) &&
                                 !ends_with_one_of(unit_text(first), {"씨", "군", "양", "님"}) &&
                                 !named_before(unit_text(first));
        // `■ 전문가 "…"`, `◆"…"`: a subheading's quotation goes on from nobody
        // before it; a bullet before the quotation alone (`● "…"`, `▶ "…"`)
        // lists what was said.
        const bool subheading = is_heading_mark(first) &&
                                (u > first + 1 || is_one_of(unit_text(first), {"◆", "■", "◇", "□"}));
        if (!speaker && !unnamed && !own_subject && !subheading && !put_to_next && last_speaker &&
            s - last_speaker_sentence <= kSpeakerCarrySentences) {
            speaker = last_speaker;
        }
        if (!speaker) {
            u = close;
            continue;
        }
        if (spokesperson) last_speaker.reset();
        else last_speaker = speaker;
        last_speaker_sentence = close_sentence;
        if (options_.types.contains(FactType::quote)) {
            Fact& fact = emit(FactType::quote, range_span(u, close + 1), "quote.attributed", u, close + 1);
            fact.quote = std::string(std::string_view(text_.text).substr(inner_start, inner_end - inner_start));
            fact.speaker = speaker->name;
            fact.role = speaker->role;
            fact.org = speaker->org;
            fact.speaker_span = speaker->span;
        }
        if (speaker->team) {
            for (const CountInQuotation& count : counts_in_quotations_) {
                if (count.unit > u && count.unit < close) {
                    emit_parameter_count(*count.match, count.unit, *count.quantity, Subject{std::nullopt, speaker->team});
                }
            }
        }
        u = close;
    }
}

}  // namespace kfacts
