// The facts stage's working object (internal to extractor/facts): it turns
// one document's units and rule matches into linked facts. The linking rules
// are described in docs/rules.md, "Linking".
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/one_of.h"
#include "facts/extractor.h"
#include "rules/name_index.h"
#include "rules/units.h"

namespace kfacts {

constexpr std::uint32_t kNoEntity = 0xFFFFFFFFu;

// A version such as V4 or R1: a capital letter and digits.
inline bool is_version(std::string_view s) {
    if (s.size() < 2 || s.size() > 6 || s[0] < 'A' || s[0] > 'Z') return false;
    for (char c : s.substr(1)) {
        if (!((c >= '0' && c <= '9') || c == '.')) return false;
    }
    return true;
}

// A person or organisation a quotation can be attributed to.
struct Speaker {
    std::string name;
    std::optional<std::string> role;
    std::optional<std::string> org;
    std::optional<ByteSpan> span;  // of the name where it was named
    // The team the speaker speaks for (the organisation itself, or the
    // speaker's team): whose a size in their words is when they name nobody.
    std::optional<std::string> team;
};

// Where a speaker is named in the text (found by the rules in speaker.rules).
struct SpeakerMention {
    std::size_t sentence = 0;
    std::size_t first_unit = 0;
    std::size_t end_unit = 0;
    Speaker speaker;
    bool is_person = false;     // a full personal name (배경훈), which later references can name
    // A surname and a title (정 CIC장), or a family name and a title (카터
    // CEO): resolved to the last full name it begins (ends), else nobody
    // named (한 심사위원은: 한 is no surname there).
    bool is_reference = false;
    bool is_family_reference = false;
    // Two words read as a foreign name whose first word looks like a
    // modifier (출신인 커닝햄): when a person named before ends with its
    // second word and is not it, it is that person's family name
    // (… 출신인 커닝햄 CSO는 after 라이언 커닝햄).
    std::optional<ByteSpan> family_span;
    bool is_pronoun = false;    // 그는: the last person named
    bool names_previous_quote = false;  // `… 정책실장의 말이다` after a quotation
    // A broadcast's caption line (`이서윤/세움에이아이 최고기술책임자`): the
    // quotation opening the next line is theirs.
    bool is_caption = false;
    // 카카오 관계자는 "…": the organisation speaks through somebody unnamed,
    // who is nobody a later quotation (이어 "…") can go on with.
    bool is_spokesperson = false;
    // 일론 머스크가 이끄는 xAI 연구진은 "…": a person named in passing, whom
    // later references name, but who speaks no quotation.
    bool in_passing = false;
};

// The subject of a parameter count or a score: a model, a team, or both.
struct Subject {
    std::optional<std::string> model;
    std::optional<std::string> team;
    bool empty() const { return !model && !team; }
};

// A cell of a table row (tables.cpp): normalised offsets, spaces trimmed.
struct TableCell {
    std::size_t start = 0;
    std::size_t end = 0;
    bool empty() const { return start == end; }
};

// A candidate name must look like a name: short, not a sentence.
bool plausible_name(std::string_view name);
// Whether `full` ends with `part` as its last word (에밀리 카터 and 카터).
bool ends_with_word(std::string_view full, std::string_view part);
// Whether a name holds a Latin letter (NRX-Pro), or a Latin letter or a digit.
bool has_latin_letter(std::string_view name);
bool has_latin_or_digit(std::string_view name);

// What a table's header cell says its column holds.
struct TableColumn {
    // other: a cell that may name the row; teams, models: a header such as
    // 팀, 기업 or 모델 says its cells name teams or models, known or not.
    enum Kind { other, teams, models, scores, sizes } kind = other;
    std::string label;                      // the header cell as written, without a maximum
    std::string benchmark;                  // canonical name, or the criterion as written
    std::optional<ExactNumber> max_score;   // 교과 지식(40)
};

class FactBuilder {
public:
    FactBuilder(const Lexicon& lexicon, const ParticleLexicon& particles, const Document& doc,
                const TokenizedText& tokens, const std::vector<Quantity>& quantities,
                const AnnotatedText& units, const ExtractOptions& options)
        : lexicon_(lexicon), particles_(particles), text_(doc.text), tokens_(tokens),
          quantities_(quantities), units_(units), options_(options) {
        sentence_of_unit_.resize(units_.units.size());
        // From the last unit back, each knowing the key at the next unit's start.
        first_char_of_unit_.resize(units_.units.size());
        std::size_t next = text_.text.size();
        std::uint16_t next_key = NameIndex::kNoFirstChar;
        for (std::size_t u = units_.units.size(); u-- > 0;) {
            next_key = NameIndex::first_char_key(text_.text, units_.units[u].norm_start, next, next_key);
            next = units_.units[u].norm_start;
            first_char_of_unit_[u] = next_key;
        }
        for (std::size_t s = 0; s < units_.sentences.size(); ++s) {
            for (std::size_t u = units_.sentences[s].first_unit; u < units_.sentences[s].end_unit; ++u) {
                sentence_of_unit_[u] = s;
            }
        }
        // The document's own names are local names as they were in the
        // reading that found them: linking finds them by their spellings.
        if (const DocumentNames* own = units_.document_names) {
            for (const auto& [spelling, id] : own->spellings()) {
                const Entity& e = own->entity(id);
                (e.kind == EntityKind::model ? local_models_ : local_teams_).add(spelling, e.name);
                if (!e.team.empty()) local_model_team_.emplace(e.name, e.team);
            }
        }
        // A derived name (Qwen3 4B) belongs to the team of its gazetteer model;
        // its version alone (딥시크-V4 … V4는) names it later in the document.
        for (const Unit& unit : units_.units) {
            if (unit.derived < 0) continue;
            const std::string& name = units_.name_of(unit, lexicon_);
            const std::string& team = units_.entity_of(unit, lexicon_).team;
            if (!team.empty()) local_model_team_.emplace(name, team);
            const std::size_t hyphen = name.find('-');
            if (hyphen != std::string::npos && is_version(std::string_view(name).substr(hyphen + 1))) {
                local_models_.add(std::string_view(name).substr(hyphen + 1), name);
            }
        }
    }

    void add_gazetteer_entities();
    void apply_rules(const std::vector<RuleMatch>& matches);
    void add_quotes(const std::vector<RuleMatch>& matches);
    void add_quantities();
    // Scores and sizes in benchmark tables (after apply_rules: rows name
    // models that prose introduced).
    void add_table_facts();
    // The facts in span order, at most ExtractOptions::max_facts of them.
    // `names_found`, if given, receives the models and teams that rules found
    // beyond the gazetteer, with every spelling the article gave them.
    std::vector<Fact> take(DocumentNames* names_found = nullptr);
    // Whether facts past max_facts were dropped.
    bool reached_max_facts() const { return reached_max_facts_; }

private:
    // A unit lies within the text: no bounds check (substr's would keep this
    // from being inlined, and linking asks for unit texts everywhere).
    std::string_view unit_text(std::size_t u) const {
        const Unit& unit = units_.units[u];
        return std::string_view(text_.text.data() + unit.norm_start, unit.norm_end - unit.norm_start);
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
        return unit.entity == kNoEntity ? nullptr : &units_.entity_of(unit, lexicon_);
    }
    // Whether unit u is a name of the document's own (DocumentNames): one
    // that rules found in the first reading, not the gazetteer.
    bool is_own_name(std::size_t u) const {
        return units_.document_names && units_.units[u].entity != kNoEntity &&
               units_.document_names->holds(units_.units[u].entity);
    }
    // A benchmark unit's name: with its edition (AIME 2026), canonical, or as
    // written. A kind alone is the benchmark's written next to it: before it
    // (LMArena 리더보드, 'C-에이전트 아레나' 리더보드), around it ('한누리
    // 리더보드') or after it (공개 리더보드 ‘OALL’).
    std::string benchmark_name(std::size_t u) const {
        const Unit& unit = units_.units[u];
        if (unit.entity != kNoEntity) return units_.name_of(unit, lexicon_);
        if (const auto named = name_of_benchmark_kind(u)) return *named;
        return std::string(unit_text(u));
    }
    bool benchmark_kind(std::size_t u) const {
        return units_.units[u].entity == kNoEntity && lexicon_.is_benchmark_kind(unit_text(u));
    }
    std::optional<std::string> name_of_benchmark_kind(std::size_t u) const;
    // The benchmark the units of sentence `s` before `end` name last: a kind
    // alone (LM아레나 텍스트 부문 리더보드) only where no name comes before it.
    std::optional<std::string> benchmark_before(std::size_t s, std::size_t end) const;
    bool is_particle(std::size_t u, std::initializer_list<std::string_view> list) const {
        return units_.units[u].cls == UnitClass::particle && is_one_of(unit_text(u), list);
    }
    // A quantity in points (70.1점): a score.
    bool is_score_quantity(std::size_t u) const {
        const Unit& unit = units_.units[u];
        return unit.cls == UnitClass::quantity && quantities_[static_cast<std::size_t>(unit.quantity)].unit == "점";
    }
    // 8B, 1.3조 개: a count a model's parameters may be (from 100 million on;
    // fewer are downloads, devices or users).
    bool is_model_size_quantity(std::size_t u) const {
        const Unit& unit = units_.units[u];
        if (unit.cls != UnitClass::quantity) return false;
        const Quantity& q = quantities_[static_cast<std::size_t>(unit.quantity)];
        return (q.unit == "개" || q.unit == "파라미터" || (q.unit.empty() && q.scale_suffix)) &&
               q.value.to_double() >= 1e8;
    }
    // A word that may be a name no list knows: a plain word (no class but a
    // company's ending, no model's), Hangul of two syllables or more or Latin
    // with a capital.
    bool plain_name(std::size_t u) const;
    // 은/는/이/가/도 mark a subject; a copula (`주목받는 모델은 X다`) makes X the topic too.
    bool is_subject_marker(std::size_t u) const {
        return is_particle(u, {"은", "는", "이", "가", "도", "다", "이다"});
    }

    Fact& emit(FactType type, ByteSpan span, std::string_view rule, std::size_t first, std::size_t end);
    // A new fact at the end of facts_; once 1.25 × max_facts are held, only
    // the facts_kept() stay, so that memory stays bounded whatever the
    // document names (65,000 teams in 256 KiB of `SKT `).
    Fact& new_fact() {
        if (facts_.size() == facts_.capacity()) make_room();
        return facts_.emplace_back();
    }
    void make_room();
    // Indices of the facts that stay, in span order: duplicates, facts in
    // page furniture, teams inside longer teams, and all past max_facts go.
    // Notes what take() needs to know of all facts, the dropped too.
    std::vector<std::uint32_t> facts_kept();
    std::optional<std::string> team_of_model(const std::string& model) const;
    // The model (team) that unit u names, or null; the name stays valid until
    // the next local name is added. model_at and team_at copy it.
    // Inline: linking asks every unit of every sentence, again and again.
    const std::string* model_name_at(std::size_t u) const {
        const Unit& unit = units_.units[u];
        if (unit.cls != UnitClass::model) return local_name_at(local_models_, u);
        if (!alias_of_.empty()) {
            if (const auto alias = alias_of_.find(u); alias != alias_of_.end()) return model_name_at(alias->second);
        }
        return &units_.name_of(unit, lexicon_);
    }
    const std::string* team_name_at(std::size_t u) const {
        if (units_.units[u].cls == UnitClass::team) return &entity(u)->name;
        return local_name_at(local_teams_, u);
    }
    // Whether unit u may name a model or a team (model_name_at or team_name_at
    // not null): false for most units, and told without a call, for loops
    // that ask at every unit.
    bool may_name_model_or_team(std::size_t u) const {
        const UnitClass cls = units_.units[u].cls;
        return cls == UnitClass::model || cls == UnitClass::team || may_start_local_name(local_models_, u) ||
               may_start_local_name(local_teams_, u);
    }
    std::optional<std::string> model_at(std::size_t u) const { return copy_of(model_name_at(u)); }
    std::optional<std::string> team_at(std::size_t u) const { return copy_of(team_name_at(u)); }
    static std::optional<std::string> copy_of(const std::string* name) {
        return name ? std::optional<std::string>(*name) : std::nullopt;
    }
    // 네이버와 카카오 출신 개발자, LG CNS 출신 상무: a team named as where
    // somebody used to work is no team of the article.
    bool former_employer(std::size_t u) const;
    // 라지브 메타(Rajiv Mehta): a listed team's name that is a foreign family
    // name here, after a given name in Hangul and glossed in Latin letters.
    bool family_name_of_glossed_person(std::size_t u) const;
    // A word unit that begins with a Latin capital (Nurion, Hanbit).
    bool capitalised_word(std::size_t u) const;
    // The unit after the name that starts at unit `u` (a name found by a rule
    // may span several units: TERA-VLA 1).
    std::size_t name_end_unit(std::size_t u) const;
    Subject find_subject(std::size_t quantity_unit, bool subject_may_follow) const;
    std::optional<std::string> model_by_size(std::size_t size_unit) const;
    void compute_topics();
    std::size_t alias_close(std::size_t open, std::size_t end) const;
    // Whether units from `open` are a model's size in parentheses: (30억 개), (7B).
    bool size_in_parentheses(std::size_t open, std::size_t end) const;
    std::vector<std::string> compute_headline_teams() const;
    void drop_trailing_topics();
    std::optional<std::string> compute_main_model() const;
    std::optional<std::size_t> name_ending_at(std::size_t end, std::size_t first, std::size_t reach) const;
    Subject respective_subject(std::size_t quantity_unit) const;
    bool criterion_weight(std::size_t u) const;
    bool weighted_sentence(std::size_t sentence);
    bool scale_without_subject(std::size_t sentence);
    // Family -> its sized model names (NRX-Pro 2.1 -> NRX-Pro 2.1 72B).
    using SizedModels = std::unordered_map<std::string, std::vector<std::string>>;
    static void note_sized_models(const std::vector<Fact>& facts, SizedModels& sizes);
    void note_names_beyond_gazetteer(const std::vector<Fact>& facts, DocumentNames& names) const;
    // Whether team unit u is in parentheses right after the same team's name.
    bool glosses_team_before(std::size_t u) const;
    static void name_families_by_size(std::vector<Fact>& facts, SizedModels sizes);
    void name_spellings_alike(std::vector<Fact>& facts) const;
    static void name_short_teams_in_full(std::vector<Fact>& facts);
    std::vector<ByteSpan> page_furniture() const;
    static std::string university_of(std::string_view word);
    // Names written right after a chip, benchmark or dataset word anywhere in
    // the article (NPU 'MX-7', 데이터셋 'KJB-2'): no rule makes them models
    // where they stand alone.
    void note_non_model_names();
    bool is_chip_word(std::size_t u) const;     // NPU, 칩, 가속기
    bool is_dataset_word(std::size_t u) const;  // 벤치마크, 데이터셋
    void add_model(const RuleMatch& match);
    std::optional<std::size_t> glossed_developer(std::string_view model);
    std::optional<std::size_t> hangul_namesake_developer(std::string_view model);
    // 이 회사는 … '소리결'을 공개했다, 이 회사의 'Lyra-K 72B'는: the company the
    // sentence before names, where the sentence's subject before `before` is
    // 이 회사 (스타트업, 업체), or 이 회사의 stands right before it.
    std::optional<std::size_t> company_named_before(std::size_t sentence, std::size_t before) const;
    const std::string* listed_model_ending_with(std::string_view tail);
    // Whether a model found in this document is named `family` and more (라움 씽크 for 라움).
    bool names_local_family(std::string_view family) const;
    // A team found by rule `rule`: emitted, and known by name from here on.
    void add_team_name(const Capture& name, std::string_view rule);
    std::optional<std::string> words_before_parenthesis(const Capture& name) const;
    // 'Tianqiong-2'(톈충-2), 'Paragon-4 Ultra'(파라곤-4 울트라): the same name in
    // the other script, in parentheses right after it (and its closing mark).
    std::optional<std::string> reading_in_parenthesis(const Capture& name, std::string_view written) const;
    void add_team(const RuleMatch& match);
    void add_listed_teams();
    void add_listed_models();
    void name_family_members_alone();
    void add_lab_developers();
    // Whether the quotation opening at `norm_offset` answers an interview
    // question on the line before (―…? or Q. …).
    bool answers_question(std::size_t norm_offset) const;
    // Whether `norm_offset` stands in an interview's answer: on a line that
    // opens with A. or A:, or on the line after a question.
    bool in_answer(std::size_t norm_offset) const;
    // Whether the last line with text before offset `before` is a question.
    bool previous_line_asks(std::size_t before) const;
    std::size_t paragraph_last_unit(std::size_t u) const;
    bool subject_of_modifying_clause(std::size_t u) const;
    static bool is_question_line(std::string_view line);
    std::size_t first_question_offset() const;
    bool sizes_successor(std::size_t quantity_unit) const;
    bool bounds_a_class_of_models(std::size_t quantity_unit, const Quantity& q) const;
    void add_parameter_count(const RuleMatch& match);
    // A count inside a quotation that names nobody (`"연말에는 700억 개 규모의
    // 후속 모델을 공개하겠다"`) waits for the quotation's speaker: it is their team's.
    struct CountInQuotation {
        std::size_t unit;
        const RuleMatch* match;
        const Quantity* quantity;
    };
    std::vector<CountInQuotation> counts_in_quotations_;
    bool in_quotation(std::size_t u) const;
    void emit_parameter_count(const RuleMatch& match, std::size_t unit, const Quantity& q, const Subject& subject);
    void add_score(const RuleMatch& match);
    std::optional<SpeakerMention> speaker_from(const RuleMatch& match) const;
    std::optional<std::string> company_referred(std::size_t sentence) const;
    const Quantity* quantity_of(const Capture* capture, std::size_t& unit);
    // Units whose text lies within normalised [start, end).
    std::pair<std::size_t, std::size_t> units_within(std::size_t start, std::size_t end) const;
    std::vector<TableColumn> table_header(const std::vector<TableCell>& cells) const;
    Subject table_row_subject(const std::vector<TableCell>& cells, const std::vector<TableColumn>& header) const;
    const Quantity* quantity_filling(const TableCell& cell) const;
    static std::string figure_key(FactType type, const Subject& subject, const ExactNumber& number);
    // Adds the figure_key of each score and count in facts_.
    void note_figures_stated(std::unordered_set<std::string>& figures) const;
    void infer_score_columns(std::vector<TableColumn>& header, const std::vector<std::vector<TableCell>>& rows) const;
    void add_table(const std::vector<TableCell>& header_cells, std::vector<std::vector<TableCell>> rows,
                   std::unordered_set<std::string>& stated);
    void split_developer_columns(std::vector<TableColumn>& header, std::vector<std::vector<TableCell>>& rows) const;
    std::vector<Subject> transposed_table_models(const std::vector<TableCell>& header_cells,
                                                 const std::vector<TableColumn>& header) const;
    // A table read row by row: its header's columns, once a column of models
    // with developers in parentheses is two and unexplained numeric columns
    // are scores; none for a table with models across its header.
    std::optional<std::vector<TableColumn>> row_table_header(const std::vector<TableCell>& header_cells,
                                                             std::vector<std::vector<TableCell>>& rows) const;
    void add_transposed_table(const std::vector<TableCell>& header_cells, const std::vector<TableColumn>& header,
                              const std::vector<std::vector<TableCell>>& rows, std::unordered_set<std::string>& stated);
    void add_table_row(const std::vector<TableCell>& cells, const std::vector<TableColumn>& header,
                       std::unordered_set<std::string>& stated);
    // Calls table(header, rows) for each table of the text.
    void for_each_table(
        const std::function<void(const std::vector<TableCell>&, std::vector<std::vector<TableCell>>)>& table) const;
    // A table as its lines split into cells: the header's and the rows'.
    struct TextTable {
        std::vector<TableCell> header;
        std::vector<std::vector<TableCell>> rows;
    };
    // The document's tables, read at the first ask: for_each_table runs
    // twice (names before rules are linked, figures after), and reading
    // every line of the text for cells costs more than most tables do.
    const std::vector<TextTable>& text_tables() const;
    // The teams and models that tables' rows name and no list knows, before
    // scores and counts are linked, so that prose can name them too (`▲라온
    // 옴니 75.1점` under a table that lists 라온 옴니).
    void add_table_names();
    void add_table_row_names(const std::vector<TableCell>& cells, const std::vector<TableColumn>& header,
                             const Subject& subject);

    const Lexicon& lexicon_;
    const ParticleLexicon& particles_;
    const NormalizedText& text_;
    const TokenizedText& tokens_;
    const std::vector<Quantity>& quantities_;
    const AnnotatedText& units_;
    const ExtractOptions& options_;
    std::vector<std::size_t> sentence_of_unit_;
    // NameIndex::first_char_key of each unit: linking asks the local names
    // for one at nearly every unit, often again.
    std::vector<std::uint16_t> first_char_of_unit_;
    // Per sentence: the unit of its topic model and team, if any, and whether
    // it names others so that no topic carries over it. Computed by
    // apply_rules once rules have found their teams, and again their models.
    std::vector<std::optional<std::size_t>> topic_model_, topic_team_;
    bool topics_computed_ = false;
    // The teams the headline names as acting (compute_headline_teams).
    std::vector<std::string> headline_teams_;
    // Whether the article is an interview: 인터뷰 in its headline, or a
    // line that opens with Q. or Q: (is_interview).
    bool interview_ = false;
    bool is_interview() const;
    // The model the article is about: the topic of more sentences than any
    // other, in two at least. A score nothing else claims is its.
    std::optional<std::string> main_model_;
    // Per sentence, the model of the last heading before it (`◆ Orion-7B: …`):
    // what a sentence that names nobody in that section is about.
    std::vector<std::optional<std::size_t>> section_model_;
    void compute_sections();
    bool announces_list(const SentenceTags& sentence) const;
    bool list_of_nonscores(std::size_t sentence) const;
    std::string_view line_at(std::size_t norm_offset) const;
    bool ranked_item_heading(std::size_t sentence) const;
    bool whole_line(std::size_t sentence) const;
    std::optional<std::size_t> labelled_item_developer(std::size_t sentence) const;
    bool item_line_beside(std::string_view line, bool (*is_item)(std::string_view)) const;
    bool ranked_item_rank(std::size_t sentence) const;
    std::optional<std::size_t> ranked_item_model(std::size_t sentence) const;
    bool is_heading_mark(std::size_t u) const {
        return units_.units[u].cls == UnitClass::symbol && is_one_of(unit_text(u), {"◆", "■", "▶", "●", "◇", "□", "▷"});
    }
    // Per sentence: the team that was most often a topic before it.
    std::vector<std::optional<std::string>> frequent_topic_team_;
    // Per sentence, computed once when a score needs it (-1: not yet): whether
    // it holds two criteria weights or more, and whether it declares a scale
    // without naming whose the points are.
    std::vector<std::int8_t> weighted_sentence_, scale_without_subject_;
    std::vector<bool> blocks_topic_;
    // Models and teams found beyond the gazetteer: later mentions in the same
    // document are found by name, as gazetteer names are.
    struct LocalNames {
        NameIndex index;
        std::vector<std::string> canonical;
        std::vector<std::string> spellings;  // as added: spellings[i] names canonical[i]
        // Linking asks for the name at a unit again and again (each topic,
        // count and score looks back over its sentence): the longest match at
        // each unit is kept until a name is added.
        struct Found {
            std::size_t names = SIZE_MAX;  // canonical.size() when it was looked up
            bool found = false;
            NameMatch match;
        };
        mutable std::vector<Found> found_at;  // by unit
        // The first characters of the names added since topics were last
        // computed: only units that start with one of them may name anew.
        std::bitset<4096> first_chars_added;

        const std::string* add(std::string_view name, const std::string& canonical_name) {
            std::uint32_t existing;
            if (index.find(name, existing)) return &canonical[existing];
            canonical.push_back(canonical_name);
            spellings.emplace_back(name);
            const std::uint16_t first_char = index.add(name, static_cast<std::uint32_t>(canonical.size() - 1));
            if (first_char != NameIndex::kNoFirstChar) first_chars_added.set(first_char);
            return &canonical.back();
        }
    };
    // The longest local name that starts at unit u, or null. Most units start
    // none, which their first character tells here, without a call.
    const NameMatch* local_match(const LocalNames& names, std::size_t u) const {
        if (!names.index.may_start_with(first_char_of_unit_[u])) return nullptr;
        return found_local_match(names, u);
    }
    // local_match past that test, looked up once until a name is added.
    const NameMatch* found_local_match(const LocalNames& names, std::size_t u) const;
    // Whether a local name may start at unit u: only words and numbers start
    // one, and only with the first character of one.
    bool may_start_local_name(const LocalNames& names, std::size_t u) const {
        const UnitClass cls = units_.units[u].cls;
        return (cls == UnitClass::word || cls == UnitClass::other_number || cls == UnitClass::quantity) &&
               names.index.may_start_with(first_char_of_unit_[u]);
    }
    // The local name that starts at unit u.
    const std::string* local_name_at(const LocalNames& names, std::size_t u) const {
        if (!may_start_local_name(names, u)) return nullptr;
        const NameMatch* match = found_local_match(names, u);
        return match ? &names.canonical[match->value] : nullptr;
    }
    LocalNames local_models_;
    LocalNames local_teams_;
    std::unordered_map<std::string, std::string> local_model_team_;  // canonical -> team
    std::unordered_set<std::string> local_not_models_;  // named as a benchmark's or a chip's (HX-200)
    // Per university (가람대): the team its first mention named, and whether
    // all its names so far were generic (가람대 연구팀).
    struct UniversityTeam {
        std::string name;
        bool generic = false;
    };
    std::unordered_map<std::string, UniversityTeam> university_teams_;
    // Lower-cased first word of a Latin gloss -> the glossed word (윤슬AI(Yunseul AI)),
    // found when a model first asks.
    std::optional<std::unordered_map<std::string, std::size_t>> glossed_orgs_;
    // The distinct listed (gazetteer) models the article names, found when a model first asks.
    std::optional<std::vector<std::string>> listed_models_;
    // Quoted words before a parenthesis -> the first spelling in it ('새미로'(Saemiro-7B)).
    std::unordered_map<std::string, std::string> spelling_paired_with_;
    // Units of words of the `orgname` class by their first two syllables,
    // found when a model first asks.
    std::optional<std::unordered_multimap<std::string, std::size_t>> orgname_words_;
    // Units that are aliases in parentheses of the model before them.
    std::unordered_map<std::size_t, std::size_t> alias_of_;
    std::vector<Fact> facts_;
    // What facts_kept() noted of all facts, dropped ones too: the sized
    // model names, and until tables are read, the figures stated (a table
    // repeating a dropped one adds nothing, as when nothing is dropped).
    SizedModels sized_models_;
    std::unordered_set<std::string> figures_noted_;
    bool tables_read_ = false;
    mutable std::optional<std::vector<TextTable>> text_tables_;  // see text_tables()
    bool reached_max_facts_ = false;
    std::deque<Quantity> bare_numbers_;  // numbers that rules read as scores (stable addresses)
};

}  // namespace kfacts
