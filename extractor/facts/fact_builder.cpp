#include "facts/fact_builder.h"

#include <algorithm>
#include <iterator>
#include <unordered_map>
#include <unordered_set>

namespace kfacts {

Fact& FactBuilder::emit(FactType type, ByteSpan span, std::string_view rule, std::size_t first,
                        std::size_t end) {
    Fact& fact = new_fact();
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
    if (units_.document_names) {
        if (const Entity* e = units_.document_names->find(model, EntityKind::model); e && !e->team.empty()) return e->team;
    }
    return std::nullopt;
}

const NameMatch* FactBuilder::found_local_match(const LocalNames& names, std::size_t u) const {
    if (names.found_at.size() != units_.units.size()) names.found_at.assign(units_.units.size(), {});
    LocalNames::Found& at = names.found_at[u];
    if (at.names != names.canonical.size()) {
        const std::size_t limit = tokens_.sentences[sentence_of_unit_[u]].end_token;
        at.found = names.index.longest_match(text_, tokens_, units_.units[u].first_token, limit, at.match);
        at.names = names.canonical.size();
    }
    return at.found ? &at.match : nullptr;
}

std::size_t FactBuilder::name_end_unit(std::size_t u) const {
    const Unit& unit = units_.units[u];
    if (unit.cls == UnitClass::model || unit.cls == UnitClass::team) return u + 1;
    std::size_t end_token = unit.end_token;
    for (const LocalNames* names : {&local_models_, &local_teams_}) {
        if (const NameMatch* match = local_match(*names, u)) end_token = std::max(end_token, match->end_token);
    }
    return units_.unit_of_token[end_token - 1] + 1;
}

bool FactBuilder::former_employer(std::size_t u) const {
    const std::size_t sentence = sentence_of_unit_[u];
    for (std::size_t v = u + 1; v < units_.units.size() && v <= u + 4 && sentence_of_unit_[v] == sentence; ++v) {
        if (unit_text(v) == "출신") return true;
        const UnitClass cls = units_.units[v].cls;
        const bool joins = is_particle(v, {"와", "과"}) || is_one_of(unit_text(v), {"·", ","});
        if (!joins && cls != UnitClass::team && cls != UnitClass::org && cls != UnitClass::word) return false;
    }
    return false;
}

bool FactBuilder::family_name_of_glossed_person(std::size_t u) const {
    const auto& units = units_.units;
    if (u == 0 || u + 4 >= units.size() || units[u - 1].cls != UnitClass::word || !units[u - 1].keyword.empty() ||
        !is_hangul_syllable_run(unit_text(u - 1)) || unit_text(u + 1) != "(" || unit_text(u + 4) != ")") {
        return false;
    }
    return sentence_of_unit_[u - 1] == sentence_of_unit_[u + 4] && capitalised_word(u + 2) && capitalised_word(u + 3);
}

bool FactBuilder::capitalised_word(std::size_t u) const {
    const std::string_view w = unit_text(u);
    return units_.units[u].cls == UnitClass::word && !w.empty() && w[0] >= 'A' && w[0] <= 'Z';
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
                // `'NX K2.5'(엔엑스 K2.5)`: a quoted name in Latin letters or
                // digits before a model in parentheses is another name of it; a
                // description in words ('최신 추론 모델'(GPT-5)) is not.
                if (prev > 0 && prev < u && units[prev].cls == UnitClass::sq_close && u + 1 < units.size() &&
                    unit_text(u + 1) == ")") {
                    std::size_t open = prev;
                    while (open > 0 && open + 6 > prev && units[open - 1].cls == UnitClass::word &&
                           units[open - 1].keyword.empty()) {
                        --open;
                    }
                    const std::string quoted = open < prev ? range_text(open, prev) : std::string();
                    if (open > 0 && units[open - 1].cls == UnitClass::sq_open && has_latin_or_digit(quoted) &&
                        plausible_name(quoted) && !lexicon_.is_not_name(quoted)) {
                        local_models_.add(quoted, units_.name_of(unit, lexicon_));
                    }
                }
            }
        }
        // 카카오 카나나 사업총괄: a model's name before a title names a business unit.
        if (unit.cls == UnitClass::model && u + 1 < units.size() && units[u + 1].cls == UnitClass::title) continue;
        const Entity& e = *entity(u);
        ByteSpan span = range_span(u, u + 1);
        // A name of the document's own keeps the span and rule the first
        // reading found it with; its other mentions are the document's.
        const bool own = is_own_name(u);
        const DocumentNames::Found* found =
            own ? units_.document_names->found_at(unit.cls == UnitClass::model, span.start) : nullptr;
        if (found) span.end = std::max(span.end, found->source_end);
        if (unit.cls == UnitClass::team) {
            if (!options_.types.contains(FactType::team) || former_employer(u) || family_name_of_glossed_person(u) ||
                (own && glosses_team_before(u))) {
                continue;
            }
            const std::string_view rule = found ? found->rule : own ? "document.team" : "gazetteer.team";
            emit(FactType::team, span, rule, u, u + 1).team = e.name;
        } else if (options_.types.contains(FactType::model)) {
            const std::string_view rule = found                ? found->rule
                                          : own                ? "document.model"
                                          : unit.derived >= 0 ? "gazetteer.model-variant"
                                                              : "gazetteer.model";
            Fact& fact = emit(FactType::model, span, rule, u, u + 1);
            fact.model = units_.name_of(unit, lexicon_);
            if (!e.team.empty()) fact.team = e.team;
        }
    }
}

bool FactBuilder::glosses_team_before(std::size_t u) const {
    // 파랑지능(Parang Intelligence), 프리퍼드네트웍스(Preferred Networks·PFN):
    // another spelling of the team named right before the parenthesis.
    for (std::size_t p = u; p-- > 0 && p + 6 > u;) {
        if (unit_text(p) == ")") return false;
        if (unit_text(p) == "(") {
            return p > 0 && units_.units[p - 1].cls == UnitClass::team && units_.units[p - 1].entity == units_.units[u].entity;
        }
    }
    return false;
}

void FactBuilder::add_quantities() {
    if (!options_.types.contains(FactType::quantity)) return;
    for (const Quantity& q : quantities_) {
        if (q.kind != NumberKind::quantity) continue;
        Fact& fact = new_fact();
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
    weighted_sentence_.assign(units_.sentences.size(), -1);
    scale_without_subject_.assign(units_.sentences.size(), -1);
    // Names first, so that counts and scores can link to the names they found.
    for (const RuleMatch& m : matches) {
        if (m.rule->fact == "team") add_team(m);
    }
    add_listed_teams();
    compute_topics();  // teams found by rules can be topics now
    note_non_model_names();
    for (const RuleMatch& m : matches) {
        if (m.rule->fact == "model") add_model(m);
    }
    add_listed_models();
    name_family_members_alone();
    add_table_names();
    add_lab_developers();
    compute_topics();
    headline_teams_ = compute_headline_teams();
    interview_ = is_interview();
    drop_trailing_topics();
    main_model_ = compute_main_model();
    compute_sections();
    // Per sentence, the team most often a topic before it (for 회사 "…"), in one pass.
    frequent_topic_team_.assign(units_.sentences.size(), std::nullopt);
    std::unordered_map<std::string, std::size_t> topic_counts;
    std::size_t best_count = 0;
    for (std::size_t s = 0; s < units_.sentences.size(); ++s) {
        if (s > 0) frequent_topic_team_[s] = frequent_topic_team_[s - 1];
        if (s == 0 || !topic_team_[s - 1]) continue;
        const auto team = team_at(*topic_team_[s - 1]);
        if (!team) continue;
        const std::size_t count = ++topic_counts[*team];
        if (count > best_count) {
            best_count = count;
            frequent_topic_team_[s] = team;
        }
    }
    for (const RuleMatch& m : matches) {
        if (m.rule->fact == "parameter_count" && options_.types.contains(FactType::parameter_count)) {
            add_parameter_count(m);
        } else if (m.rule->fact == "benchmark_score" && options_.types.contains(FactType::benchmark_score)) {
            add_score(m);
        }
    }
}

namespace {

// 72B, 1.5B: a size written after a model's name.
bool is_size_word(std::string_view word) {
    return word.size() >= 2 && word.back() == 'B' &&
           word.find_first_not_of("0123456789.", 0) == word.size() - 1 && word[0] != '.';
}

// Keeps facts[order[0]], facts[order[1]], … in that order and drops the
// rest, in place, a cycle at a time: each fact that stays moves once, and
// the facts are never held twice.
void keep_in_place(std::vector<Fact>& facts, std::vector<std::uint32_t> order) {
    const std::size_t kept = order.size();
    // The facts that go take the places after, so that `order` is a permutation.
    std::vector<bool> stays(facts.size());
    for (const std::uint32_t i : order) stays[i] = true;
    for (std::size_t i = 0; i < facts.size(); ++i) {
        if (!stays[i]) order.push_back(static_cast<std::uint32_t>(i));
    }
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (order[i] == i) continue;
        Fact first = std::move(facts[i]);
        std::size_t to = i;
        while (order[to] != i) {
            const std::size_t from = order[to];
            facts[to] = std::move(facts[from]);
            order[to] = static_cast<std::uint32_t>(to);
            to = from;
        }
        facts[to] = std::move(first);
        order[to] = static_cast<std::uint32_t>(to);
    }
    facts.erase(facts.begin() + static_cast<std::ptrdiff_t>(kept), facts.end());
}

}  // namespace

void FactBuilder::note_sized_models(const std::vector<Fact>& facts, SizedModels& sizes) {
    for (const Fact& f : facts) {
        if (f.type != FactType::model || !f.model || f.rule.starts_with("gazetteer.")) continue;
        const std::size_t space = f.model->rfind(' ');
        if (space == std::string::npos || !is_size_word(std::string_view(*f.model).substr(space + 1))) continue;
        auto& names = sizes[f.model->substr(0, space)];
        if (std::find(names.begin(), names.end(), *f.model) == names.end()) names.push_back(*f.model);
    }
}

// `NRX-Pro 2.1` and `NRX-Pro 2.1 72B`, both found by rules, with no other
// size of NRX-Pro 2.1 in the article: one model, named with its size.
void FactBuilder::name_families_by_size(std::vector<Fact>& facts, SizedModels sizes) {
    for (auto it = sizes.begin(); it != sizes.end();) {
        it = it->second.size() == 1 ? std::next(it) : sizes.erase(it);
    }
    if (sizes.empty()) return;
    for (Fact& f : facts) {
        if (!f.model || (f.type == FactType::model && f.rule.starts_with("gazetteer."))) continue;
        if (const auto it = sizes.find(*f.model); it != sizes.end()) f.model = it->second.front();
    }
}

// 클로드 오퍼스 4.6 and Claude Opus 4.6 (or Phi-4-mini beside 파이-4 미니) in
// one article: one model, under the name in Latin letters the article writes.
void FactBuilder::name_spellings_alike(std::vector<Fact>& facts) const {
    if (units_.latin_spellings.empty()) return;
    // Spellings compared by their match keys, as the gazetteer compares names
    // (Phi-4 Mini, Phi-4-mini).
    std::unordered_map<std::string, std::string> written;  // key -> a model name as the facts have it
    for (const Fact& f : facts) {
        if (f.type == FactType::model && f.model) written.try_emplace(match_key(*f.model), *f.model);
    }
    std::unordered_map<std::string_view, const std::string*> to_latin;
    for (const auto& [hangul, latin] : units_.latin_spellings) {
        if (const auto it = written.find(match_key(latin)); it != written.end()) to_latin.emplace(hangul, &it->second);
    }
    if (to_latin.empty()) return;
    for (Fact& f : facts) {
        if (!f.model) continue;
        if (const auto it = to_latin.find(*f.model); it != to_latin.end()) f.model = *it->second;
    }
}

// A headline's `폴라리스 '가디언-K'` beside the body's 폴라리스인텔리전스: a
// developer named by the word before its quoted model is the one team of the
// article whose name begins with that word, where there is one.
void FactBuilder::name_short_teams_in_full(std::vector<Fact>& facts) {
    struct FullName {
        std::string name;
        bool ambiguous = false;  // two teams' names begin with the word
    };
    std::unordered_map<std::string, FullName> full_names;  // by the short name
    for (const Fact& f : facts) {
        if (f.type == FactType::team && f.team && f.rule == "team.word-before-quoted-model") {
            full_names.try_emplace(*f.team);
        }
    }
    if (full_names.empty()) return;
    for (const Fact& f : facts) {
        if (f.type != FactType::team || !f.team) continue;
        for (auto& [name, full] : full_names) {
            if (f.team->size() <= name.size() || !f.team->starts_with(name) || full.name == *f.team) continue;
            full.ambiguous = !full.name.empty();
            full.name = *f.team;
        }
    }
    for (Fact& f : facts) {
        if (!f.team) continue;
        const auto it = full_names.find(*f.team);
        if (it != full_names.end() && !it->second.name.empty() && !it->second.ambiguous) f.team = it->second.name;
    }
}

// Source byte ranges of lines that link to other stories or ask to
// subscribe: a line opening with ☞, one opening with ▶ that invites (구독,
// 받아보기; some outlets also use ▶ for bullets of the story itself), and
// the lines of a list under a 관련기사 heading up to a blank line. Sorted
// and disjoint.
std::vector<ByteSpan> FactBuilder::page_furniture() const {
    const std::string_view text = text_.text;
    std::vector<ByteSpan> spans;
    bool related_list = false;
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
        if (line.empty()) related_list = false;
        const bool heading = line.find("관련기사") != std::string_view::npos && line.size() <= 24;
        if (heading) related_list = true;
        const bool invitation = line.starts_with("▶") && (line.find("구독") != std::string_view::npos ||
                                                         line.find("받아보") != std::string_view::npos);
        if (heading || related_list || invitation || line.starts_with("☞")) {
            spans.push_back(text_.to_source(start, end));
        }
        start = end + 1;
    }
    return spans;
}

void FactBuilder::make_room() {
    // Room for 1.25 × max_facts (and one) at most, made at once from a
    // quarter of that on (far more than any article has), not by doubling
    // past it.
    const std::size_t room = options_.max_facts + options_.max_facts / 4 + 1;
    if (facts_.size() >= room) {
        keep_in_place(facts_, facts_kept());
    } else if (facts_.size() >= room / 4) {
        facts_.reserve(room);
    } else {
        // An article has some sixty facts: room for as many at first, where
        // doubling from one moved each fact once on its way there.
        constexpr std::size_t kFirstRoom = 64;
        facts_.reserve(std::min(room / 4, std::max(kFirstRoom, 2 * facts_.size())));
    }
}

std::vector<std::uint32_t> FactBuilder::facts_kept() {
    if (!tables_read_) note_figures_stated(figures_noted_);
    note_sized_models(facts_, sized_models_);
    std::vector<std::uint32_t> order(facts_.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<std::uint32_t>(i);
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
        const Fact& a = facts_[x];
        const Fact& b = facts_[y];
        return a.span.start != b.span.start ? a.span.start < b.span.start : a.type < b.type;
    });
    // The same claim at the same place from two rules is one fact.
    std::size_t unique = 0;
    for (const std::uint32_t i : order) {
        const Fact& f = facts_[i];
        const auto last = std::make_reverse_iterator(order.begin() + static_cast<std::ptrdiff_t>(unique));
        const auto window = static_cast<std::ptrdiff_t>(std::min<std::size_t>(8, unique));
        const bool duplicate = std::any_of(last, last + window, [&](std::uint32_t k) {
            const Fact& g = facts_[k];
            return g.type == f.type && g.span == f.span && g.model == f.model && g.team == f.team;
        });
        if (!duplicate) order[unique++] = i;
    }
    order.resize(unique);
    // Links to other stories and subscription prompts (▶ 관련기사, ☞ …) are
    // about other articles: no fact of this one comes from them.
    const std::vector<ByteSpan> furniture = page_furniture();
    if (!furniture.empty()) {
        std::erase_if(order, [&](std::uint32_t i) {
            const std::size_t start = facts_[i].span.start;
            const auto it = std::upper_bound(furniture.begin(), furniture.end(), start,
                                             [](std::size_t offset, const ByteSpan& s) { return offset < s.start; });
            return it != furniture.begin() && start < std::prev(it)->end;
        });
    }
    // A team inside a longer team's name (AI연구소 in 서해대 AI연구소) is that
    // team: one sweep over team spans by start, longest first.
    std::vector<ByteSpan> teams;
    for (const std::uint32_t i : order) {
        if (facts_[i].type == FactType::team) teams.push_back(facts_[i].span);
    }
    std::sort(teams.begin(), teams.end(), [](const ByteSpan& a, const ByteSpan& b) {
        return a.start != b.start ? a.start < b.start : a.end > b.end;
    });
    std::vector<ByteSpan> inside;
    std::size_t reach = 0;
    for (std::size_t i = 0; i < teams.size(); ++i) {
        const bool same_as_previous = i > 0 && teams[i] == teams[i - 1];
        if (i > 0 && !same_as_previous && teams[i].end <= reach) inside.push_back(teams[i]);
        reach = std::max(reach, teams[i].end);
    }
    if (!inside.empty()) {
        const auto less = [](const ByteSpan& a, const ByteSpan& b) {
            return a.start != b.start ? a.start < b.start : a.end < b.end;
        };
        std::sort(inside.begin(), inside.end(), less);
        std::erase_if(order, [&](std::uint32_t i) {
            const Fact& f = facts_[i];
            return f.type == FactType::team && std::binary_search(inside.begin(), inside.end(), f.span, less);
        });
    }
    if (order.size() > options_.max_facts) {
        order.resize(options_.max_facts);
        reached_max_facts_ = true;
    }
    return order;
}

void FactBuilder::note_names_beyond_gazetteer(const std::vector<Fact>& facts, DocumentNames& names) const {
    // The models (with their teams) and teams that rules found, in the order found.
    struct FoundModel {
        std::string name;
        std::string team;
    };
    std::vector<FoundModel> models;
    std::unordered_map<std::string_view, std::size_t> model_index;
    std::vector<std::string_view> teams;
    std::unordered_set<std::string_view> team_names;
    for (const Fact& f : facts) {
        if (f.rule.starts_with("gazetteer.") || f.rule.starts_with("document.")) continue;
        if (f.type == FactType::model && f.model) {
            const auto [it, added] = model_index.try_emplace(*f.model, models.size());
            if (added) models.push_back({*f.model, {}});
            if (FoundModel& m = models[it->second]; m.team.empty() && f.team) m.team = *f.team;
        } else if (f.type == FactType::team && f.team && team_names.insert(*f.team).second) {
            teams.push_back(*f.team);
        }
        if (f.type == FactType::model || f.type == FactType::team) {
            names.note_found(f.type == FactType::model, f.span.start, {f.span.end, f.rule});
        }
    }
    for (FoundModel& m : models) {
        if (const auto it = local_model_team_.find(m.name); m.team.empty() && it != local_model_team_.end()) {
            m.team = it->second;
        }
    }
    // A spelling of one character (K, X) is found in too many other words: it
    // is tagged only where rules find it.
    std::uint32_t known;
    const auto add = [&](EntityKind kind, const std::string& spelling, const std::string& canonical, const std::string& team) {
        if (count_code_points(spelling) > 1 && !lexicon_.names().find(spelling, known)) {
            names.add(kind, spelling, canonical, team);
        }
    };
    // Teams first: a word in parentheses after a model (NuriMind-Pro(누리브레인))
    // that rules found to be its developer names the developer, not the model.
    for (const std::string_view team : teams) add(EntityKind::team, std::string(team), std::string(team), {});
    for (std::size_t i = 0; i < local_teams_.spellings.size(); ++i) {
        if (team_names.contains(local_teams_.canonical[i])) {
            add(EntityKind::team, local_teams_.spellings[i], local_teams_.canonical[i], {});
        }
    }
    // 그레인 미니 after '그레인 미니(Grain-Mini) 3B': a name with a size is
    // named without it too, where no other size goes by that name, and
    // where the rest is a Hangul word of two syllables or fewer only if the
    // article glossed the name (하늘 of '하늘 7B' is the sky elsewhere; 로아
    // of '로아(LoA) 32B' and 라온코더 of '라온코더 14B' name the model).
    std::unordered_set<std::string_view> glossed;
    for (std::size_t i = 0; i < local_models_.spellings.size(); ++i) {
        if (local_models_.spellings[i] != local_models_.canonical[i]) glossed.insert(local_models_.canonical[i]);
    }
    const auto stem_of = [&](std::string_view model) {
        const std::size_t space = model.rfind(' ');
        if (space == std::string_view::npos || !is_size_word(model.substr(space + 1))) return std::string_view();
        const std::string_view stem = model.substr(0, space);
        const bool short_hangul_word = stem.size() <= 6 && std::all_of(stem.begin(), stem.end(), [](char c) {
                                           return static_cast<unsigned char>(c) >= 0x80;
                                       });
        return short_hangul_word && !glossed.contains(model) ? std::string_view() : stem;
    };
    std::unordered_map<std::string_view, std::size_t> sizes_of_stem;
    for (const FoundModel& m : models) {
        if (const std::string_view stem = stem_of(m.name); !stem.empty()) ++sizes_of_stem[stem];
    }
    for (const FoundModel& m : models) {
        add(EntityKind::model, m.name, m.name, m.team);
        const std::string_view stem = stem_of(m.name);
        if (!stem.empty() && sizes_of_stem[stem] == 1 && !model_index.contains(stem)) {
            add(EntityKind::model, std::string(stem), m.name, m.team);
        }
    }
    for (std::size_t i = 0; i < local_models_.spellings.size(); ++i) {
        if (const auto it = model_index.find(local_models_.canonical[i]); it != model_index.end()) {
            add(EntityKind::model, local_models_.spellings[i], local_models_.canonical[i], models[it->second].team);
        }
    }
}

std::vector<Fact> FactBuilder::take(DocumentNames* names_found) {
    const std::vector<std::uint32_t> kept = facts_kept();
    std::vector<Fact> facts;
    if (reached_max_facts_) {
        // As on a page of 65,000 names: in place, so that the facts are not held twice.
        keep_in_place(facts_, kept);
        facts = std::move(facts_);
    } else {
        // A new vector constructs each fact where in place assigns it: cheaper.
        facts.reserve(kept.size());
        for (const std::uint32_t i : kept) facts.push_back(std::move(facts_[i]));
    }
    name_spellings_alike(facts);
    name_short_teams_in_full(facts);
    name_families_by_size(facts, std::move(sized_models_));
    if (names_found) note_names_beyond_gazetteer(facts, *names_found);
    return facts;
}

}  // namespace kfacts
