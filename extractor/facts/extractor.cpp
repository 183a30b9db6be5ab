#include "facts/extractor.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "document/html_entities.h"
#include "rules/name_index.h"
#include "rules/units.h"

namespace kfacts {
namespace {

constexpr std::uint32_t kNoEntity = 0xFFFFFFFFu;
// How far a linker looks for a subject or a speaker, in units and sentences.
constexpr std::size_t kForwardReach = 14;
constexpr std::size_t kTopicCarrySentences = 3;
constexpr std::size_t kSpeakerCarrySentences = 4;
constexpr std::size_t kMinQuoteChars = 7;

bool is_one_of(std::string_view s, std::initializer_list<std::string_view> list) {
    return std::find(list.begin(), list.end(), s) != list.end();
}

// A person or organisation a quotation can be attributed to.
struct Speaker {
    std::string name;
    std::optional<std::string> role;
    std::optional<std::string> org;
    std::optional<ByteSpan> span;  // of the name where it was named
};

struct SpeakerMention {
    std::size_t sentence = 0;
    std::size_t first_unit = 0;
    std::size_t end_unit = 0;
    Speaker speaker;
    bool is_person = false;     // a full personal name (배경훈), which later references can name
    bool is_reference = false;  // a surname and a title (정 CIC장): resolved to a full name
    bool is_pronoun = false;    // 그는: the last person named
};

// The subject of a parameter count or a score: a model, a team, or both.
struct Subject {
    std::optional<std::string> model;
    std::optional<std::string> team;
    bool empty() const { return !model && !team; }
};

class FactBuilder {
public:
    FactBuilder(const Lexicon& lexicon, const ParticleLexicon& particles, const Document& doc,
                const TokenizedText& tokens, const std::vector<Quantity>& quantities,
                const AnnotatedText& units, const ExtractOptions& options)
        : lexicon_(lexicon), particles_(particles), text_(doc.text), tokens_(tokens),
          quantities_(quantities), units_(units), options_(options) {
        sentence_of_unit_.resize(units_.units.size());
        for (std::size_t s = 0; s < units_.sentences.size(); ++s) {
            for (std::size_t u = units_.sentences[s].first_unit; u < units_.sentences[s].end_unit; ++u) {
                sentence_of_unit_[u] = s;
            }
        }
        compute_topics();
    }

    void add_gazetteer_entities();
    void apply_rules(const std::vector<RuleMatch>& matches);
    void add_quotes(const std::vector<RuleMatch>& matches);
    void add_quantities();
    std::vector<Fact> take();

private:
    std::string_view unit_text(std::size_t u) const {
        const Unit& unit = units_.units[u];
        return std::string_view(text_.text).substr(unit.norm_start, unit.norm_end - unit.norm_start);
    }
    std::string range_text(std::size_t first, std::size_t end) const {
        const std::size_t a = units_.units[first].norm_start;
        const std::size_t b = units_.units[end - 1].norm_end;
        return std::string(std::string_view(text_.text).substr(a, b - a));
    }
    ByteSpan range_span(std::size_t first, std::size_t end) const {
        return text_.to_source(units_.units[first].norm_start, units_.units[end - 1].norm_end);
    }
    const Entity* entity(std::size_t u) const {
        const Unit& unit = units_.units[u];
        return unit.entity == kNoEntity ? nullptr : &lexicon_.entities()[unit.entity];
    }
    bool is_particle(std::size_t u, std::initializer_list<std::string_view> list) const {
        return units_.units[u].cls == UnitClass::particle && is_one_of(unit_text(u), list);
    }
    bool is_subject_marker(std::size_t u) const { return is_particle(u, {"은", "는", "이", "가", "도"}); }

    Fact& emit(FactType type, ByteSpan span, const std::string& rule, std::size_t first, std::size_t end);
    std::optional<std::string> team_of_model(const std::string& model) const;
    std::optional<std::string> model_at(std::size_t u) const;
    std::optional<std::string> team_at(std::size_t u) const;
    Subject find_subject(std::size_t quantity_unit, bool subject_may_follow) const;
    void compute_topics();
    void add_model(const RuleMatch& match);
    void add_team(const RuleMatch& match);
    void add_parameter_count(const RuleMatch& match);
    void add_score(const RuleMatch& match);
    std::optional<SpeakerMention> speaker_from(const RuleMatch& match) const;
    const Quantity* quantity_of(const Capture* capture, std::size_t& unit) const;

    const Lexicon& lexicon_;
    const ParticleLexicon& particles_;
    const NormalizedText& text_;
    const TokenizedText& tokens_;
    const std::vector<Quantity>& quantities_;
    const AnnotatedText& units_;
    const ExtractOptions& options_;
    std::vector<std::size_t> sentence_of_unit_;
    // Per sentence: the unit of its topic model and team, if any, and whether
    // it names others so that no topic carries over it.
    std::vector<std::optional<std::size_t>> topic_model_, topic_team_;
    std::vector<bool> blocks_topic_;
    // Models and teams found beyond the gazetteer: later mentions in the same
    // document are found by name, as gazetteer names are.
    struct LocalNames {
        NameIndex index;
        std::vector<std::string> canonical;
        const std::string* add(std::string_view name, const std::string& canonical_name) {
            std::uint32_t existing;
            if (index.find(name, existing)) return &canonical[existing];
            canonical.push_back(canonical_name);
            index.add(name, static_cast<std::uint32_t>(canonical.size() - 1));
            return &canonical.back();
        }
    };
    std::optional<std::string> local_name_at(const LocalNames& names, std::size_t u) const;
    LocalNames local_models_;
    LocalNames local_teams_;
    std::unordered_map<std::string, std::string> local_model_team_;  // canonical -> team
    // Units that are aliases in parentheses of the model before them.
    std::unordered_map<std::size_t, std::size_t> alias_of_;
    std::vector<Fact> facts_;
};

Fact& FactBuilder::emit(FactType type, ByteSpan span, const std::string& rule, std::size_t first,
                        std::size_t end) {
    facts_.emplace_back();
    Fact& fact = facts_.back();
    fact.type = type;
    fact.span = span;
    fact.rule = rule;
    if (options_.explain) {
        for (std::size_t u = first; u < end; ++u) fact.matched.emplace_back(unit_text(u));
    }
    return fact;
}

std::optional<std::string> FactBuilder::team_of_model(const std::string& model) const {
    if (const Entity* e = lexicon_.find(model, EntityKind::model); e && !e->team.empty()) return e->team;
    if (const auto it = local_model_team_.find(model); it != local_model_team_.end()) return it->second;
    return std::nullopt;
}

std::optional<std::string> FactBuilder::model_at(std::size_t u) const {
    const Unit& unit = units_.units[u];
    if (unit.cls == UnitClass::model) {
        if (const auto alias = alias_of_.find(u); alias != alias_of_.end()) return model_at(alias->second);
        return entity(u)->name;
    }
    return local_name_at(local_models_, u);
}

std::optional<std::string> FactBuilder::local_name_at(const LocalNames& names, std::size_t u) const {
    const Unit& unit = units_.units[u];
    if (names.index.empty() || (unit.cls != UnitClass::word && unit.cls != UnitClass::other_number &&
                                unit.cls != UnitClass::quantity)) {
        return std::nullopt;
    }
    const std::size_t limit = tokens_.sentences[sentence_of_unit_[u]].end_token;
    NameMatch match;
    if (!names.index.longest_match(text_, tokens_, unit.first_token, limit, match)) return std::nullopt;
    return names.canonical[match.value];
}

std::optional<std::string> FactBuilder::team_at(std::size_t u) const {
    const Unit& unit = units_.units[u];
    if (unit.cls == UnitClass::team) return entity(u)->name;
    return local_name_at(local_teams_, u);
}

// A sentence's topic is the model or team marked as its subject (은/는/이/가,
// also through 팀 or 컨소시엄: LG팀은). A sentence that names a model or team
// without marking it, other than as a baseline in parentheses (`'X'(63.1점)`),
// leaves the topic open: what it is about is not clear enough to carry on.
void FactBuilder::compute_topics() {
    topic_model_.assign(units_.sentences.size(), std::nullopt);
    topic_team_.assign(units_.sentences.size(), std::nullopt);
    blocks_topic_.assign(units_.sentences.size(), false);
    for (std::size_t s = 0; s < units_.sentences.size(); ++s) {
        const auto& sentence = units_.sentences[s];
        for (std::size_t u = sentence.first_unit; u < sentence.end_unit; ++u) {
            const bool model = model_at(u).has_value();
            const bool team = !model && team_at(u).has_value();
            if (!model && !team) continue;
            // What follows the name: closing marks, 팀, and an alias in parentheses
            // (`'에이닷엑스 K1'(A.X K1)은`) stand between it and its particle.
            std::size_t next = u + 1;
            while (next < sentence.end_unit) {
                if (units_.units[next].cls == UnitClass::sq_close || is_one_of(unit_text(next), {"팀", "정예팀", "컨소시엄"})) {
                    ++next;
                } else if (unit_text(next) == "(" && next + 2 < sentence.end_unit && unit_text(next + 2) == ")" &&
                           (model_at(next + 1) || team_at(next + 1))) {
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
            if (team && after < sentence.end_unit && model_at(after)) continue;
            if (next < sentence.end_unit && is_subject_marker(next)) {
                auto& slot = model ? topic_model_[s] : topic_team_[s];
                if (!slot) slot = u;
            } else if (next >= sentence.end_unit || unit_text(next) != "(") {
                // `SK텔레콤은 'A.X K1'을 공개했다`: the model its topic team presents
                // is what the next sentence goes on about.
                if (model && topic_team_[s] && !topic_model_[s]) topic_model_[s] = u;
                else blocks_topic_[s] = true;
            }
        }
    }
}

// Where a number's subject is: in `500B 규모의 초거대 AI 모델 'A.X K1'` the
// model follows through a chain of modifiers; in `A.X K1은 총 5190억개
// 매개변수로` it precedes. Forward search stops where a clause ends (a
// subject or object particle, a comma, a quotation).
Subject FactBuilder::find_subject(std::size_t quantity_unit, bool subject_may_follow) const {
    const std::size_t s = sentence_of_unit_[quantity_unit];
    const auto& sentence = units_.sentences[s];
    Subject subject;
    const auto forward = [&]() -> std::optional<std::string> {
        for (std::size_t u = quantity_unit + 1; u < sentence.end_unit && u <= quantity_unit + kForwardReach; ++u) {
            if (auto m = model_at(u)) return m;
            const Unit& unit = units_.units[u];
            if (is_particle(u, {"은", "는", "이", "가", "을", "를", "와", "과"}) ||
                unit.cls == UnitClass::dq_open || unit.cls == UnitClass::quantity ||
                (unit.cls == UnitClass::symbol && is_one_of(unit_text(u), {",", ";"}))) {
                break;
            }
        }
        return std::nullopt;
    };
    const auto backward = [&]() -> std::optional<std::string> {
        for (std::size_t u = quantity_unit; u-- > sentence.first_unit;) {
            if (auto m = model_at(u)) return m;
        }
        return std::nullopt;
    };
    // A count may name its model after it (a chain of modifiers); a score's
    // subject comes before it (`X는 … 72.03점`, `X(69.37점)`).
    subject.model = subject_may_follow ? forward() : backward();
    if (!subject.model && subject_may_follow) subject.model = backward();
    if (subject.model) {
        subject.team = team_of_model(*subject.model);
        if (lexicon_.find(*subject.model, EntityKind::model) || local_model_team_.count(*subject.model)) {
            return subject;  // a known model: its team is the gazetteer's, not the sentence's
        }
    }
    if (!subject.team) {
        for (std::size_t u = quantity_unit; u-- > sentence.first_unit;) {
            if (auto t = team_at(u)) {
                subject.team = t;
                break;
            }
        }
    }
    if (!subject.empty()) return subject;
    // A sentence that names nobody continues the topic of the one before
    // (`SK텔레콤의 A.X K1은 … 구성된다. 국내 최초 5000억개 규모 모델이다.`).
    bool names_any = false;
    for (std::size_t u = sentence.first_unit; u < sentence.end_unit && !names_any; ++u) {
        names_any = model_at(u) || team_at(u);
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
    return subject;
}

void FactBuilder::add_gazetteer_entities() {
    const auto& units = units_.units;
    for (std::size_t u = 0; u < units.size(); ++u) {
        const Unit& unit = units[u];
        if (unit.cls != UnitClass::team && unit.cls != UnitClass::model) continue;
        // `'K-엑사원'(EXAONE)`: the name in parentheses is the same model.
        if (unit.cls == UnitClass::model) {
            std::size_t prev = u;
            if (prev > 0 && unit_text(prev - 1) == "(") {
                --prev;
                while (prev > 0 && (units[prev - 1].cls == UnitClass::sq_close)) --prev;
                if (prev > 0 && units[prev - 1].cls == UnitClass::model && u + 1 < units.size() &&
                    unit_text(u + 1) == ")") {
                    alias_of_[u] = prev - 1;
                    continue;
                }
            }
        }
        const Entity& e = *entity(u);
        const ByteSpan span = range_span(u, u + 1);
        if (unit.cls == UnitClass::team) {
            if (!options_.types.contains(FactType::team)) continue;
            emit(FactType::team, span, "gazetteer.team", u, u + 1).team = e.name;
        } else if (options_.types.contains(FactType::model)) {
            Fact& fact = emit(FactType::model, span, "gazetteer.model", u, u + 1);
            fact.model = e.name;
            if (!e.team.empty()) fact.team = e.team;
        }
    }
}

// A candidate name must look like a name: short, not a sentence.
bool plausible_name(std::string_view name) {
    if (name.empty() || name.size() > 60) return false;
    std::size_t spaces = 0;
    for (char c : name) spaces += c == ' ';
    return spaces <= 4;
}

void FactBuilder::add_model(const RuleMatch& match) {
    const Capture* name = match.get("name");
    if (!name) return;
    // A name the gazetteer knows is emitted as such, with its canonical form.
    for (std::size_t u = name->first; u < name->end; ++u) {
        const UnitClass c = units_.units[u].cls;
        if (c == UnitClass::model || c == UnitClass::team || c == UnitClass::org ||
            c == UnitClass::not_model || c == UnitClass::benchmark || c == UnitClass::dq_open) {
            return;
        }
    }
    std::string written = range_text(name->first, name->end);
    std::optional<std::string> alias;
    if (const Capture* a = match.get("alias")) alias = range_text(a->first, a->end);
    if (!plausible_name(written)) return;
    // A name of Hangul words only ('통합 검색 서비스'를 출시) is a model only
    // where the sentence speaks of a model.
    const auto has_latin_or_digit = [](std::string_view s) {
        return std::any_of(s.begin(), s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
    };
    if (!has_latin_or_digit(written) && !(alias && has_latin_or_digit(*alias))) {
        const auto& sentence = units_.sentences[match.sentence];
        bool model_words = false;
        for (std::size_t u = sentence.first_unit; u < sentence.end_unit && !model_words; ++u) {
            model_words = units_.units[u].keyword == "modelword";
        }
        if (!model_words) return;
    }
    std::string canonical = written;
    if (alias) {
        if (const Entity* e = lexicon_.find(*alias, EntityKind::model)) canonical = e->name;
    }
    canonical = *local_models_.add(written, canonical);
    if (alias) local_models_.add(*alias, canonical);

    std::optional<std::string> team;
    if (const Capture* t = match.get("team")) {
        team = team_at(t->first);
        if (!team) team = range_text(t->first, t->end);
    }
    if (!team) team = team_of_model(canonical);
    // Else the team named before it in its sentence (`벼리랩스의 '벼리-V'`), or its topic.
    const std::size_t s = match.sentence;
    for (std::size_t u = name->first; !team && u-- > units_.sentences[s].first_unit;) team = team_at(u);
    if (!team && topic_team_[s]) team = team_at(*topic_team_[s]);
    if (team) local_model_team_.emplace(canonical, *team);

    if (!options_.types.contains(FactType::model)) return;
    const Capture& whole = alias ? Capture{name->first, match.get("alias")->end} : *name;
    Fact& fact = emit(FactType::model, range_span(whole.first, whole.end), match.rule->id, whole.first, whole.end);
    fact.model = canonical;
    fact.team = team;
}

void FactBuilder::add_team(const RuleMatch& match) {
    const Capture* name = match.get("name");
    if (!name) return;
    for (std::size_t u = name->first; u < name->end; ++u) {
        if (units_.units[u].cls != UnitClass::word) return;  // known names are the gazetteer's
    }
    const std::string written = range_text(name->first, name->end);
    if (!plausible_name(written) || lexicon_.is_not_name(written)) return;
    const std::string canonical = *local_teams_.add(written, written);
    if (!options_.types.contains(FactType::team)) return;
    emit(FactType::team, range_span(name->first, name->end), match.rule->id, name->first, name->end).team = canonical;
}

const Quantity* FactBuilder::quantity_of(const Capture* capture, std::size_t& unit) const {
    if (!capture) return nullptr;
    for (std::size_t u = capture->first; u < capture->end; ++u) {
        const Unit& x = units_.units[u];
        if (x.cls == UnitClass::quantity && x.quantity >= 0) {
            unit = u;
            return &quantities_[static_cast<std::size_t>(x.quantity)];
        }
    }
    return nullptr;
}

void FactBuilder::add_parameter_count(const RuleMatch& match) {
    std::size_t unit = 0;
    const Quantity* q = quantity_of(match.get("value"), unit);
    // Fewer than a million parameters is no model this product reports on.
    if (!q || q->value.scale != 0 || q->value.mantissa < 1000000) return;
    Subject subject;
    if (const Capture* c = match.get("subject")) {
        subject.model = model_at(c->first);
        subject.team = subject.model ? team_of_model(*subject.model) : team_at(c->first);
    }
    if (subject.empty()) subject = find_subject(unit, /*subject_may_follow=*/true);
    if (subject.empty()) return;  // a size of nothing in particular is no claim
    Fact& fact = emit(FactType::parameter_count, range_span(unit, unit + 1), match.rule->id,
                      match.whole.first, match.whole.end);
    fact.value = q->value;
    fact.approximate = q->approximate || q->bound != Bound::none;
    fact.model = subject.model;
    fact.team = subject.team;
}

void FactBuilder::add_score(const RuleMatch& match) {
    std::size_t unit = 0;
    const Quantity* q = quantity_of(match.get("score"), unit);
    if (!q) return;
    // 평점 4.5점, 배점 40점: points of something else than a benchmark.
    const std::size_t first = units_.sentences[match.sentence].first_unit;
    for (std::size_t u = unit; u-- > first && u + 3 > unit;) {
        if (units_.units[u].keyword == "nonscore") return;
    }
    Subject subject;
    if (const Capture* c = match.get("subject")) {
        subject.model = model_at(c->first);
        subject.team = subject.model ? team_of_model(*subject.model) : team_at(c->first);
    }
    if (subject.empty()) subject = find_subject(unit, /*subject_may_follow=*/false);
    if (subject.empty()) return;
    Fact& fact = emit(FactType::benchmark_score, range_span(unit, unit + 1), match.rule->id,
                      match.whole.first, match.whole.end);
    fact.score = q->value;
    fact.max_score = q->max_score;
    if (!q->unit.empty()) fact.unit = q->unit;
    fact.model = subject.model;
    fact.team = subject.team;
    if (const Capture* b = match.get("benchmark")) {
        const Entity* e = entity(b->first);
        fact.benchmark = e ? e->name : range_text(b->first, b->end);
    } else {
        const auto& sentence = units_.sentences[match.sentence];
        for (std::size_t u = unit; u-- > sentence.first_unit;) {
            if (units_.units[u].cls == UnitClass::benchmark) {
                fact.benchmark = entity(u)->name;
                break;
            }
        }
    }
}

std::optional<SpeakerMention> FactBuilder::speaker_from(const RuleMatch& match) const {
    const Capture* name = match.get("name");
    if (!name) return std::nullopt;
    SpeakerMention mention;
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
    if (const auto team = team_at(name->first)) {
        mention.speaker.name = *team;
    } else if (cls == UnitClass::org) {
        mention.speaker.name = entity(name->first)->name;
    } else {
        mention.speaker.name = range_text(name->first, name->end);
        mention.is_person = cls == UnitClass::person;
        mention.is_reference = cls == UnitClass::surname;
        mention.is_pronoun = units_.units[name->first].keyword == "pron";
    }
    mention.speaker.span = range_span(name->first, name->end);
    if (const Capture* role = match.get("role")) {
        mention.speaker.role = range_text(role->first, role->end);
        for (std::size_t u = role->first; u < role->end && !mention.speaker.org; ++u) {
            if (const Entity* e = entity(u); e && (e->kind == EntityKind::org || e->kind == EntityKind::team)) {
                mention.speaker.org = e->name;
            }
        }
    }
    if (const Capture* org = match.get("org")) {
        const Entity* e = entity(org->first);
        mention.speaker.org = e ? e->name : range_text(org->first, org->end);
    }
    return mention;
}

// Quotations and who said them. A quotation is words in double quotation
// marks followed by an attribution (라고, 며, 고 …) or closing a sentence that
// names its speaker; single-quoted names and slogans are not quotations.
void FactBuilder::add_quotes(const std::vector<RuleMatch>& matches) {
    std::vector<SpeakerMention> mentions;
    for (const RuleMatch& match : matches) {
        if (match.rule->fact != "speaker") continue;
        if (auto m = speaker_from(match)) mentions.push_back(std::move(*m));
    }
    std::sort(mentions.begin(), mentions.end(), [](const SpeakerMention& a, const SpeakerMention& b) {
        return a.first_unit != b.first_unit ? a.first_unit < b.first_unit : a.end_unit > b.end_unit;
    });
    // Overlapping mentions from several rules: keep the first, longest.
    std::vector<SpeakerMention> kept;
    for (auto& m : mentions) {
        if (!kept.empty() && m.first_unit < kept.back().end_unit) continue;
        kept.push_back(std::move(m));
    }
    // A later reference (정 CIC장) is the last person named before with that surname.
    std::vector<const Speaker*> people;
    for (SpeakerMention& m : kept) {
        if (m.is_person) people.push_back(&m.speaker);
        if (m.is_pronoun) {
            if (!people.empty()) m.speaker = *people.back();
            continue;
        }
        if (!m.is_reference) continue;
        for (auto it = people.rbegin(); it != people.rend(); ++it) {
            if ((*it)->name.size() > m.speaker.name.size() &&
                (*it)->name.compare(0, m.speaker.name.size(), m.speaker.name) == 0) {
                Speaker full = **it;
                full.span = m.speaker.span;
                if (m.speaker.role) full.role = m.speaker.role;
                m.speaker = std::move(full);
                break;
            }
        }
    }

    std::optional<Speaker> last_speaker;
    std::size_t last_speaker_sentence = 0;
    std::size_t next_mention = 0;
    const auto& units = units_.units;
    for (std::size_t u = 0; u < units.size(); ++u) {
        // Whoever was last named as speaking is who a later, unattributed quotation continues.
        for (; next_mention < kept.size() && kept[next_mention].end_unit <= u; ++next_mention) {
            if (kept[next_mention].is_pronoun && kept[next_mention].speaker.name.empty()) continue;
            last_speaker = kept[next_mention].speaker;
            last_speaker_sentence = kept[next_mention].sentence;
        }
        const Unit& open = units[u];
        if (open.cls != UnitClass::dq_open || open.pair <= static_cast<std::int64_t>(u)) continue;
        const std::size_t close = static_cast<std::size_t>(open.pair);
        const std::size_t s = sentence_of_unit_[u];
        const std::size_t close_sentence = sentence_of_unit_[close];
        const auto& end_sentence = units_.sentences[close_sentence];
        const std::size_t inner_start = open.norm_end;
        const std::size_t inner_end = units[close].norm_start;
        const std::string_view words = std::string_view(text_.text).substr(inner_start, inner_end - inner_start);
        // A term in quotation marks ("게임 체인저"라고 불렀다) is no quotation: a
        // quotation has a few words at least.
        if (words.find(' ') == std::string_view::npos || count_code_points(words) < kMinQuoteChars) {
            u = close;
            continue;
        }

        // Attribution right after the closing mark (라고, 이라며, 고 …: the
        // particle lexicon's attribution particles, or a verb of saying), or
        // the sentence ends there.
        const std::string_view after = std::string_view(text_.text).substr(units[close].norm_end, 24);
        const std::string_view particle = after.substr(0, particles_.attribution_prefix_length(after));
        const bool attributed = close + 1 >= end_sentence.end_unit || units[close + 1].keyword == "say" ||
                                (!particle.empty() && lexicon_.word_class(particle) != "naming");
        if (!attributed) {
            u = close;
            continue;
        }

        // The speaker: named before the quotation in its sentence, else after
        // it, else the last speaker when the sentence goes on with 이어 or the like.
        std::optional<Speaker> speaker;
        for (std::size_t k = kept.size(); k-- > 0;) {
            const SpeakerMention& m = kept[k];
            if (m.sentence == s && m.end_unit <= u) {
                speaker = m.speaker;
                break;
            }
        }
        if (!speaker) {
            for (const SpeakerMention& m : kept) {
                if (m.sentence == close_sentence && m.first_unit > close) {
                    speaker = m.speaker;
                    break;
                }
            }
        }
        if (!speaker && last_speaker && s - last_speaker_sentence <= kSpeakerCarrySentences) {
            speaker = last_speaker;
        }
        if (!speaker) {
            u = close;
            continue;
        }
        last_speaker = speaker;
        last_speaker_sentence = close_sentence;
        if (options_.types.contains(FactType::quote)) {
            Fact& fact = emit(FactType::quote, range_span(u, close + 1), "quote.attributed", u, close + 1);
            fact.quote = std::string(std::string_view(text_.text).substr(inner_start, inner_end - inner_start));
            fact.speaker = speaker->name;
            fact.role = speaker->role;
            fact.org = speaker->org;
            fact.speaker_span = speaker->span;
        }
        u = close;
    }
}

void FactBuilder::add_quantities() {
    if (!options_.types.contains(FactType::quantity)) return;
    for (const Quantity& q : quantities_) {
        if (q.kind != NumberKind::quantity) continue;
        facts_.emplace_back();
        Fact& fact = facts_.back();
        fact.type = FactType::quantity;
        fact.span = text_.to_source(q.norm_start, q.norm_end);
        fact.rule = "numbers.quantity";
        fact.value = q.value;
        fact.min = q.min;
        fact.max = q.max;
        fact.max_score = q.max_score;
        fact.unit = q.unit;
        fact.approximate = q.approximate;
        switch (q.bound) {
            case Bound::none: break;
            case Bound::at_least: fact.bound = "at_least"; break;
            case Bound::at_most: fact.bound = "at_most"; break;
            case Bound::more_than: fact.bound = "more_than"; break;
            case Bound::less_than: fact.bound = "less_than"; break;
        }
    }
}

void FactBuilder::apply_rules(const std::vector<RuleMatch>& matches) {
    // Names first, so that counts and scores can link to the names they found.
    for (const RuleMatch& m : matches) {
        if (m.rule->fact == "team") add_team(m);
    }
    compute_topics();  // teams found by rules can be topics now
    for (const RuleMatch& m : matches) {
        if (m.rule->fact == "model") add_model(m);
    }
    compute_topics();
    for (const RuleMatch& m : matches) {
        if (m.rule->fact == "parameter_count" && options_.types.contains(FactType::parameter_count)) {
            add_parameter_count(m);
        } else if (m.rule->fact == "benchmark_score" && options_.types.contains(FactType::benchmark_score)) {
            add_score(m);
        }
    }
}

std::vector<Fact> FactBuilder::take() {
    std::stable_sort(facts_.begin(), facts_.end(), [](const Fact& a, const Fact& b) {
        return a.span.start != b.span.start ? a.span.start < b.span.start : a.type < b.type;
    });
    // The same claim at the same place from two rules is one fact.
    std::vector<Fact> unique;
    for (Fact& f : facts_) {
        const auto window = static_cast<std::ptrdiff_t>(std::min<std::size_t>(8, unique.size()));
        const bool duplicate = std::any_of(unique.rbegin(), unique.rbegin() + window, [&](const Fact& g) {
            return g.type == f.type && g.span == f.span && g.model == f.model && g.team == f.team;
        });
        if (!duplicate) unique.push_back(std::move(f));
    }
    if (unique.size() > options_.max_facts) unique.resize(options_.max_facts);
    return unique;
}

}  // namespace

std::string default_rules_dir() {
    if (const char* env = std::getenv("KFACTS_RULES"); env && *env) return env;
    return KFACTS_RULES_DIR;
}

Extractor::Extractor(ParticleLexicon particles, QuantityFinder quantities, Lexicon lexicon, RuleSet rules)
    : particles_(std::make_unique<ParticleLexicon>(std::move(particles))),
      tokenizer_(std::make_unique<Tokenizer>(*particles_)),
      quantities_(std::move(quantities)),
      lexicon_(std::move(lexicon)),
      rules_(std::move(rules)) {}

std::unique_ptr<Extractor> Extractor::load(const std::string& rules_dir) {
    html_entities(rules_dir);  // the reader decodes with this table from now on
    return std::unique_ptr<Extractor>(new Extractor(ParticleLexicon::load(rules_dir + "/particles.tsv"),
                                                    QuantityFinder::load(rules_dir), Lexicon::load(rules_dir),
                                                    RuleSet::load(rules_dir + "/patterns")));
}

Analysis Extractor::analyse(Document& doc) const {
    Analysis analysis;
    analysis.tokens = tokenizer_->tokenize(doc.text);
    std::vector<Diagnostic> number_diagnostics;
    analysis.quantities = quantities_.find(doc.text.text, number_diagnostics);
    for (Diagnostic& d : number_diagnostics) {
        if (d.span) d.span = doc.text.to_source(d.span->start, d.span->end);
        doc.diagnostics.push_back(std::move(d));
    }
    analysis.units = annotate(doc.text, analysis.tokens, analysis.quantities, lexicon_);
    for (std::size_t s = 0; s < analysis.units.sentences.size(); ++s) {
        rules_.match_sentence(analysis.units, s, analysis.matches);
    }
    return analysis;
}

std::vector<Fact> Extractor::extract(Document& doc, const ExtractOptions& options) const {
    const Analysis analysis = analyse(doc);
    const auto& matches = analysis.matches;
    FactBuilder builder(lexicon_, *particles_, doc, analysis.tokens, analysis.quantities, analysis.units, options);
    builder.add_gazetteer_entities();
    builder.apply_rules(matches);
    builder.add_quotes(matches);
    builder.add_quantities();
    std::vector<Fact> facts = builder.take();
    if (facts.size() == options.max_facts) {
        doc.diagnostics.push_back({Severity::warning, DiagnosticCode::limit_facts,
                                   fmt::format("stopped at {} facts for this document", options.max_facts),
                                   std::nullopt});
    }
    return facts;
}

}  // namespace kfacts
