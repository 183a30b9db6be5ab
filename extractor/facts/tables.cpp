// Benchmark tables as crawlers deliver them: one line per row, cells
// separated by tabs, by '|' (Markdown, or ` | ` without the edges) or by
// " / ". A header row names benchmarks or criteria (점수, 교과 지식(40)) or a
// size (파라미터, 매개변수); each later row names what it is about, a model or
// a team, in its other cells and holds a number per figure column:
//
//   모델            KMMLU   MMLU   파라미터
//   NOVA-K2-Lite   55.0    74.6   8B
//
// gives benchmark_score facts (NOVA-K2-Lite, KMMLU, 55.0), … and a
// parameter_count (NOVA-K2-Lite, 8000000000). A line without cells ends the
// table. Prose about the same figure gives the same fact once.
#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <unordered_set>

#include <fmt/format.h>

#include "facts/fact_builder.h"

namespace kfacts {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// How a line separates cells: tabs; else '|' when it starts with one
// (Markdown) or holds " | " twice or more (모델 | 개발사 | 점수); else " / "
// when it holds two or more (a table flattened by a crawler: 팀 / 모델 /
// 점수); else a run of two or more spaces, twice or more (tabs a crawler
// turned into spaces). Empty when the line is no table row.
std::string_view cell_separator(std::string_view line) {
    if (line.find('\t') != std::string_view::npos) return "\t";
    // Whether ` mark ` occurs twice, not overlapping: looked for by the mark,
    // far rarer in prose than the spaces (this runs for every line).
    const auto twice = [&](char mark) {
        std::size_t found = 0;
        std::size_t from = 1;
        for (std::size_t at = line.find(mark, from); at != std::string_view::npos; at = line.find(mark, from)) {
            if (line[at - 1] == ' ' && at + 1 < line.size() && line[at + 1] == ' ') {
                if (++found == 2) return true;
                from = at + 3;
            } else {
                from = at + 1;
            }
        }
        return false;
    };
    const std::size_t first = line.find_first_not_of(' ');
    if ((first != std::string_view::npos && line[first] == '|') || twice('|')) return "|";
    if (twice('/')) return " / ";
    // Runs between cells only: indentation and trailing spaces are none.
    const std::size_t last = line.find_last_not_of(" \r");
    const std::string_view inner = first == std::string_view::npos ? std::string_view() : line.substr(first, last - first + 1);
    std::size_t runs = 0;
    for (std::size_t at = inner.find("  "); at != std::string_view::npos && runs < 2; at = inner.find("  ", at)) {
        ++runs;
        at = inner.find_first_not_of(' ', at);
        if (at == std::string_view::npos) break;
    }
    if (runs >= 2) return "  ";
    return {};
}

// A list flattened into figures, `▲푸른숲데이터 숲-LM 14B : 61.4 / 78.2 / 87.5%`
// under `[검증 결과] (KMMLU / MMLU / 공공행정 QA 정답률)`: the item's mark is no
// part of its name, the first figure follows a colon in the first cell, and
// the header's columns are in parentheses after its title.
void split_list_item(std::string_view text, std::vector<TableCell>& cells) {
    TableCell& first = cells.front();
    for (const std::string_view mark : {"▲", "△", "▶", "▷", "•", "○", "●", "◆", "◇", "■", "□", "-", "*"}) {
        if (text.substr(first.start, first.end - first.start).starts_with(mark)) {
            first.start += mark.size();
            while (first.start < first.end && is_blank(text[first.start])) ++first.start;
            break;
        }
    }
    const std::string_view label = text.substr(first.start, first.end - first.start);
    const std::size_t colon = label.rfind(':');
    const std::size_t figure = colon == std::string_view::npos ? colon : label.find_first_not_of(' ', colon + 1);
    if (figure != std::string_view::npos && label[figure] >= '0' && label[figure] <= '9') {
        TableCell value{first.start + figure, first.end};
        first.end = first.start + colon;
        while (first.end > first.start && is_blank(text[first.end - 1])) --first.end;
        cells.insert(cells.begin() + 1, value);
        return;
    }
    // The header's parentheses open in its first cell and close in its last,
    // and neither holds a pair of its own (모델 (개발사), 61.2 (1위) are cells).
    TableCell& last = cells.back();
    const std::string_view last_text = text.substr(last.start, last.end - last.start);
    const std::size_t open = label.find(" (");
    if (open != std::string_view::npos && label.find(')', open) == std::string_view::npos &&
        last_text.size() > 1 && last_text.back() == ')' && last_text.find('(') == std::string_view::npos) {
        TableCell columns{first.start + open + 2, first.end};
        first.end = first.start + open;
        --last.end;
        cells.insert(cells.begin() + 1, columns);
    }
}

// The cells of one line, or nothing when the line is no table row.
std::vector<TableCell> split_cells(std::string_view text, std::size_t start, std::size_t end) {
    const std::string_view separator = cell_separator(text.substr(start, end - start));
    if (separator.empty()) return {};
    std::vector<TableCell> cells;
    std::size_t from = start;
    while (from <= end) {
        std::size_t to = text.find(separator, from);
        if (to == std::string_view::npos || to > end) to = end;
        TableCell cell{from, to};
        while (cell.start < cell.end && is_blank(text[cell.start])) ++cell.start;
        while (cell.end > cell.start && is_blank(text[cell.end - 1])) --cell.end;
        // `PL-Assist-30B (ours)`: the writer's mark of their own row is no part of the name.
        const std::string_view content = text.substr(cell.start, cell.end - cell.start);
        for (const std::string_view mark : {"(ours)", "(Ours)", "(OURS)", "(자사)", "(당사)", "(본 모델)", "(제안 모델)"}) {
            if (content.size() > mark.size() && content.ends_with(mark)) {
                cell.end -= mark.size();
                while (cell.end > cell.start && is_blank(text[cell.end - 1])) --cell.end;
                break;
            }
        }
        cells.push_back(cell);
        from = to + separator.size();
        if (separator == "  ") {
            while (from < end && text[from] == ' ') ++from;  // the rest of the run
        }
    }
    if (separator == "|") {
        // `| a | b |`: the edges are no cells.
        if (!cells.empty() && cells.front().empty()) cells.erase(cells.begin());
        if (!cells.empty() && cells.back().empty()) cells.pop_back();
    }
    if (separator == " / " && cells.size() >= 2) split_list_item(text, cells);
    return cells.size() >= 2 ? cells : std::vector<TableCell>{};
}

// `|---|:---:|`: the line under a Markdown header.
bool is_rule_line(std::string_view line) {
    return line.find('-') != std::string_view::npos &&
           line.find_first_not_of("|-: \t") == std::string_view::npos;
}

}  // namespace

std::pair<std::size_t, std::size_t> FactBuilder::units_within(std::size_t start, std::size_t end) const {
    const auto& units = units_.units;
    const auto first = std::lower_bound(units.begin(), units.end(), start,
                                        [](const Unit& u, std::size_t offset) { return u.norm_start < offset; });
    auto last = first;
    while (last != units.end() && last->norm_end <= end) ++last;
    return {static_cast<std::size_t>(first - units.begin()), static_cast<std::size_t>(last - units.begin())};
}

std::vector<TableColumn> FactBuilder::table_header(const std::vector<TableCell>& cells) const {
    std::vector<TableColumn> columns(cells.size());
    for (std::size_t c = 0; c < cells.size(); ++c) {
        TableColumn& column = columns[c];
        const auto [first, end] = units_within(cells[c].start, cells[c].end);
        for (std::size_t u = first; u < end && column.kind == TableColumn::other; ++u) {
            const Unit& unit = units_.units[u];
            if (unit.cls == UnitClass::benchmark) {
                column.kind = TableColumn::scores;
                column.benchmark = benchmark_name(u);
            } else if (unit.keyword == "param") {
                column.kind = TableColumn::sizes;
            } else if (unit.keyword == "score") {
                column.kind = TableColumn::scores;
            }
        }
        // 교과 지식(40): a criterion scored out of 40.
        std::string_view label = std::string_view(text_.text).substr(cells[c].start, cells[c].end - cells[c].start);
        if (label.size() > 3 && label.back() == ')') {
            const std::size_t open = label.rfind('(');
            const auto max = open == std::string_view::npos
                                 ? std::nullopt
                                 : parse_korean_number(label.substr(open + 1, label.size() - open - 2));
            if (max && open > 0) {
                if (column.kind == TableColumn::other) column.kind = TableColumn::scores;
                column.max_score = max;
                label = label.substr(0, open);
                while (!label.empty() && label.back() == ' ') label.remove_suffix(1);
            }
        }
        if (column.kind == TableColumn::scores && column.benchmark.empty()) column.benchmark = std::string(label);
        // The first column names the rows, whatever its header says.
        if (c == 0 && column.kind != TableColumn::other) column = {};
        // 팀, 주관기관, 개발사명; 모델, 제출 모델, 모델명, 모델(개발사): by the
        // label's last word before any gloss in parentheses.
        std::string_view named = label;
        if (const std::size_t open = named.find('('); open != std::string_view::npos && open > 0) {
            named = named.substr(0, open);
            while (!named.empty() && named.back() == ' ') named.remove_suffix(1);
        }
        if (const std::size_t space = named.rfind(' '); space != std::string_view::npos) named.remove_prefix(space + 1);
        if (column.kind == TableColumn::other &&
            is_one_of(named, {"팀", "팀명", "정예팀", "참가팀", "기업", "기업명", "회사", "회사명", "개발사", "개발사명",
                              "기관", "기관명", "주관기관", "주관사", "참여기관", "컨소시엄"})) {
            column.kind = TableColumn::teams;
        }
        if (column.kind == TableColumn::other && (is_one_of(named, {"모델", "모델명"}) || label == "모델 이름")) {
            column.kind = TableColumn::models;
        }
        column.label = std::string(label);
    }
    return columns;
}

// `GPT-5(오픈AI)` in a column of models headed `모델(개발사)`: the model and,
// in parentheses, its developer. Such a column becomes two, of models and of
// teams (under a plain `모델`, `엑사원 4.0(32B)` holds no developer).
void FactBuilder::split_developer_columns(std::vector<TableColumn>& header,
                                          std::vector<std::vector<TableCell>>& rows) const {
    for (std::size_t c = header.size(); c-- > 0;) {
        if (header[c].kind != TableColumn::models || header[c].label.find('(') == std::string::npos) continue;
        const auto glossed = [&](const TableCell& cell) -> std::optional<std::size_t> {
            const std::string_view text = std::string_view(text_.text).substr(cell.start, cell.end - cell.start);
            const std::size_t open = text.rfind('(');
            if (text.size() < 3 || text.back() != ')' || open == std::string_view::npos || open == 0 ||
                open + 2 >= text.size()) {
                return std::nullopt;
            }
            return cell.start + open;
        };
        const bool any = std::any_of(rows.begin(), rows.end(), [&](const std::vector<TableCell>& row) {
            return c < row.size() && glossed(row[c]);
        });
        if (!any) continue;
        header.insert(header.begin() + static_cast<std::ptrdiff_t>(c) + 1, TableColumn{TableColumn::teams, "", "", {}});
        for (auto& row : rows) {
            if (c >= row.size()) continue;
            TableCell& name = row[c];
            TableCell developer{name.end, name.end};
            if (const auto open = glossed(name)) {
                developer = {*open + 1, name.end - 1};
                name.end = *open;
                while (name.end > name.start && text_.text[name.end - 1] == ' ') --name.end;
            }
            row.insert(row.begin() + static_cast<std::ptrdiff_t>(c) + 1, developer);
        }
    }
}

// A column the header does not explain holds scores when the table is about
// models (two rows or more name one) and every row has a bare number there
// (no unit, or 점 or %), none above 1000 and not just the rows' ranks
// (1, 2, 3 …): `| 모델 | 수능 국어 | 한국사 |`.
void FactBuilder::infer_score_columns(std::vector<TableColumn>& header,
                                      const std::vector<std::vector<TableCell>>& rows) const {
    std::size_t model_rows = 0;
    for (const auto& row : rows) {
        if (table_row_subject(row, header).model) ++model_rows;
    }
    if (model_rows < 2) return;
    for (std::size_t c = 1; c < header.size(); ++c) {
        if (header[c].kind != TableColumn::other) continue;
        bool numbers = !rows.empty(), rank_like = true;
        for (std::size_t r = 0; r < rows.size() && numbers; ++r) {
            const Quantity* q = c < rows[r].size() ? quantity_filling(rows[r][c]) : nullptr;
            numbers = q && (q->unit.empty() || q->unit == "점" || q->unit == "%") && q->value.to_double() <= 1000;
            rank_like = rank_like && q && q->value.is_integer() && q->value.to_double() <= static_cast<double>(rows.size());
        }
        if (numbers && !rank_like) {
            header[c].kind = TableColumn::scores;
            header[c].benchmark = header[c].label;
        }
    }
}

Subject FactBuilder::table_row_subject(const std::vector<TableCell>& cells,
                                       const std::vector<TableColumn>& header) const {
    // The cells that are no figure columns name the row: 업스테이지 / 솔라 프로 2.
    Subject subject;
    std::optional<std::string> unknown_model;
    std::optional<std::string> unknown_team;
    for (std::size_t c = 0; c < cells.size() && c < header.size(); ++c) {
        const TableColumn::Kind kind = header[c].kind;
        if (kind != TableColumn::other && kind != TableColumn::teams && kind != TableColumn::models) continue;
        const TableCell& cell = cells[c];
        const auto [first, end] = units_within(cell.start, cell.end);
        std::optional<std::string> model, team;
        std::size_t named = end;
        for (std::size_t u = first; u < end && !model && !team; ++u) {
            model = model_at(u);
            if (!model) team = team_at(u);
            if (model || team) named = u;
        }
        // (비교) 구글 젬마 3 12B: a known model after its developer names the row.
        for (std::size_t u = named + 1; team && !model && u < end; ++u) model = model_at(u);
        // A model no gazetteer knows is written with Latin letters and digits
        // (NOVA-K2-Lite, or ZETA-9 Pro where a rule knows only ZETA-9), or
        // is any name in a column of models (솔빛-R, 바로미); a word such as
        // 평균 names nothing.
        const std::string_view text = std::string_view(text_.text).substr(cell.start, cell.end - cell.start);
        const bool latin = has_latin_letter(text);
        const bool digit = std::any_of(text.begin(), text.end(), [](char x) { return x >= '0' && x <= '9'; });
        const bool whole = named < end && units_.units[named].norm_start == cell.start &&
                           units_.units[named].norm_end == cell.end;
        // 푸른숲데이터 숲-LM 14B, (비교) 구글 젬마 3 12B: a list item names a
        // company (known, or a Hangul name), then its model.
        if (kind == TableColumn::other && first + 1 < end && (model || (latin && digit))) {
            const std::string_view lead = unit_text(first);
            const bool company_first = units_.units[first].norm_start == cell.start &&
                                       (team_at(first) || (plain_name(first) && is_hangul_syllable_run(lead)));
            std::optional<std::string> item_model = model;
            if (!item_model && company_first) {
                const std::size_t rest = units_.units[first + 1].norm_start;
                const std::string_view name = std::string_view(text_.text).substr(rest, cell.end - rest);
                if (plausible_name(name)) item_model = std::string(name);
            }
            if (item_model && (team || company_first)) {
                if (!subject.model) subject.model = item_model;
                if (!subject.team) subject.team = team ? team : team_at(first).value_or(std::string(lead));
                continue;
            }
        }
        // BF16(원본), Q4_K_M: a cell that opens with a name of no model (a
        // number format, a chip) names no unknown model either, nor does a
        // measure outside a column of models (64.0GB, 약 68GB).
        const bool not_model = first < end && units_.units[first].cls == UnitClass::not_model;
        const bool measure = !text.empty() && (std::isdigit(static_cast<unsigned char>(text[0])) || text.starts_with("약"));
        const bool model_name = !not_model && (kind == TableColumn::models
                                                   ? plausible_name(text) && !lexicon_.is_not_name(text)
                                                   : latin && digit && !measure);
        if (!whole && model_name && text.size() <= 48) {
            if (!unknown_model && !subject.model) unknown_model = std::string(text);
            continue;
        }
        if (model && !subject.model) subject.model = model;
        if (team && !subject.team) subject.team = team;
        if (!model && !team && kind == TableColumn::teams && !cell.empty() && !unknown_team) {
            unknown_team = std::string(text);
        }
    }
    if (!subject.model) subject.model = unknown_model;
    if (!subject.team) subject.team = unknown_team;
    if (subject.model) {
        if (auto team = team_of_model(*subject.model)) subject.team = team;
    }
    return subject;
}

// The quantity that is the whole of `cell`, or nullptr.
const Quantity* FactBuilder::quantity_filling(const TableCell& cell) const {
    const auto it = std::lower_bound(quantities_.begin(), quantities_.end(), cell.start,
                                     [](const Quantity& q, std::size_t offset) { return q.norm_start < offset; });
    if (it == quantities_.end() || it->norm_start != cell.start || it->norm_end > cell.end) return nullptr;
    // `74.62 (탈락)`: a remark in parentheses may follow the figure.
    std::string_view rest = std::string_view(text_.text).substr(it->norm_end, cell.end - it->norm_end);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (!rest.empty() && !(rest.front() == '(' && rest.back() == ')' && rest.find('(', 1) == std::string_view::npos)) {
        return nullptr;
    }
    return it->kind == NumberKind::quantity ? &*it : nullptr;
}

// What makes two figures the same claim: type, subject and value.
std::string FactBuilder::figure_key(FactType type, const Subject& subject, const ExactNumber& number) {
    return fmt::format("{}\x1f{}\x1f{}\x1f{}", static_cast<int>(type), subject.model.value_or(""),
                       subject.model ? "" : subject.team.value_or(""), number.to_string());
}

void FactBuilder::note_figures_stated(std::unordered_set<std::string>& figures) const {
    for (const Fact& f : facts_) {
        const auto& value = f.type == FactType::benchmark_score ? f.score : f.value;
        if (value && (f.type == FactType::benchmark_score || f.type == FactType::parameter_count)) {
            figures.insert(figure_key(f.type, Subject{f.model, f.team}, *value));
        }
    }
}

void FactBuilder::for_each_table(
    const std::function<void(const std::vector<TableCell>&, std::vector<std::vector<TableCell>>)>& table) const {
    for (const TextTable& t : text_tables()) table(t.header, t.rows);  // the rows a copy, each caller's own
}

const std::vector<FactBuilder::TextTable>& FactBuilder::text_tables() const {
    if (text_tables_) return *text_tables_;
    text_tables_.emplace();
    // A table is a header line and the row lines after it, up to a line
    // without cells.
    const std::string_view text = text_.text;
    std::vector<TableCell> header;
    std::vector<std::vector<TableCell>> rows;
    const auto finish_table = [&] {
        if (!header.empty() && !rows.empty()) text_tables_->push_back({header, std::move(rows)});
        header.clear();
        rows.clear();
    };
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::vector<TableCell> cells = split_cells(text, start, end);
        if (cells.empty()) {
            finish_table();
        } else if (is_rule_line(text.substr(start, end - start))) {
            // Markdown's line under the header keeps the header.
        } else if (header.empty()) {
            header = std::move(cells);
        } else {
            rows.push_back(std::move(cells));
        }
        start = end + 1;
    }
    finish_table();
    return *text_tables_;
}

std::optional<std::vector<TableColumn>> FactBuilder::row_table_header(
    const std::vector<TableCell>& header_cells, std::vector<std::vector<TableCell>>& rows) const {
    std::vector<TableColumn> header = table_header(header_cells);
    // A transposed table's rows name benchmarks (`모델 | 누리-7B | GPT-4o`
    // over `KMMLU | 61.2 | 70.1`), no teams or models.
    if (!transposed_table_models(header_cells, header).empty()) return std::nullopt;
    split_developer_columns(header, rows);
    infer_score_columns(header, rows);
    return header;
}

void FactBuilder::add_table_names() {
    for_each_table([&](const std::vector<TableCell>& header_cells, std::vector<std::vector<TableCell>> rows) {
        const auto header = row_table_header(header_cells, rows);
        if (!header) return;
        for (const auto& row : rows) {
            if (const Subject subject = table_row_subject(row, *header); !subject.empty()) {
                add_table_row_names(row, *header, subject);
            }
        }
    });
}

void FactBuilder::add_table_facts() {
    tables_read_ = true;
    // Figures already stated, so that a table repeating prose adds nothing;
    // gathered at the first table (most articles have none).
    std::optional<std::unordered_set<std::string>> stated;
    for_each_table([&](const std::vector<TableCell>& header, std::vector<std::vector<TableCell>> rows) {
        if (!stated) {
            stated = std::move(figures_noted_);
            note_figures_stated(*stated);
        }
        add_table(header, std::move(rows), *stated);
    });
}

void FactBuilder::add_table(const std::vector<TableCell>& header_cells, std::vector<std::vector<TableCell>> rows,
                            std::unordered_set<std::string>& stated) {
    if (const auto header = row_table_header(header_cells, rows)) {
        for (const auto& row : rows) add_table_row(row, *header, stated);
    } else {
        add_transposed_table(header_cells, table_header(header_cells), rows, stated);
    }
}

// The model each column of a transposed table's header names, from the
// second column on (`벤치마크 | MiniMax-M3 | GPT-5.5`); none when fewer than two
// columns name a model or a column is one of figures.
std::vector<Subject> FactBuilder::transposed_table_models(const std::vector<TableCell>& header_cells,
                                                          const std::vector<TableColumn>& header) const {
    std::vector<Subject> subjects(header_cells.size());
    std::size_t named = 0;
    for (std::size_t c = 1; c < header_cells.size(); ++c) {
        if (header[c].kind != TableColumn::other) return {};  // a header of figures
        const std::vector<TableCell> one{header_cells[c]};
        const std::vector<TableColumn> as_name(1);
        subjects[c] = table_row_subject(one, as_name);
        if (subjects[c].model) ++named;
    }
    if (named < 2) return {};
    return subjects;
}

// `벤치마크 | MiniMax-M3 | GPT-5.5` over rows `AIME 2026(%) | 91.2 | 93.0`: the
// header names models (two or more) and each row a benchmark.
void FactBuilder::add_transposed_table(const std::vector<TableCell>& header_cells,
                                       const std::vector<TableColumn>& header,
                                       const std::vector<std::vector<TableCell>>& rows,
                                       std::unordered_set<std::string>& stated) {
    const std::vector<Subject> subjects = transposed_table_models(header_cells, header);
    for (const auto& row : rows) {
        // The row's benchmark: a known one in its first cell, else the cell as
        // written without a unit in parentheses (`HLE(%)`).
        const TableCell& label = row.front();
        std::string benchmark;
        const auto [first, end] = units_within(label.start, label.end);
        for (std::size_t u = first; u < end && benchmark.empty(); ++u) {
            if (units_.units[u].cls == UnitClass::benchmark) {
                benchmark = benchmark_name(u);
            }
        }
        if (benchmark.empty()) {
            std::string_view text = std::string_view(text_.text).substr(label.start, label.end - label.start);
            if (const std::size_t open = text.rfind('('); open != std::string_view::npos && open > 0) {
                text = text.substr(0, open);
            }
            benchmark = std::string(text);
        }
        for (std::size_t c = 1; c < row.size() && c < subjects.size(); ++c) {
            if (subjects[c].empty()) continue;
            const Quantity* q = quantity_filling(row[c]);
            if (!q || (!q->unit.empty() && q->unit != "점" && q->unit != "%")) continue;
            if (!stated.insert(figure_key(FactType::benchmark_score, subjects[c], q->value)).second) continue;
            Fact& fact = emit(FactType::benchmark_score, text_.to_source(q->norm_start, q->norm_end), "table.score",
                              first, end);
            fact.score = q->value;
            if (!q->unit.empty()) fact.unit = q->unit;
            if (!benchmark.empty()) fact.benchmark = benchmark;
            fact.model = subjects[c].model;
            fact.team = subjects[c].team;
        }
    }
}

void FactBuilder::add_table_row(const std::vector<TableCell>& cells, const std::vector<TableColumn>& header,
                                std::unordered_set<std::string>& stated) {
    const Subject subject = table_row_subject(cells, header);
    if (subject.empty()) return;
    for (std::size_t c = 0; c < cells.size() && c < header.size(); ++c) {
        if (header[c].kind != TableColumn::scores && header[c].kind != TableColumn::sizes) continue;
        const Quantity* q = quantity_filling(cells[c]);
        if (!q) continue;
        const ByteSpan span = text_.to_source(q->norm_start, q->norm_end);
        const auto [first, end] = units_within(cells.front().start, cells[c].end);
        if (header[c].kind == TableColumn::scores) {
            if (!q->unit.empty() && q->unit != "점" && q->unit != "%") continue;
            if (!stated.insert(figure_key(FactType::benchmark_score, subject, q->value)).second) continue;
            Fact& fact = emit(FactType::benchmark_score, span, "table.score", first, end);
            fact.score = q->value;
            fact.max_score = q->max_score ? q->max_score : header[c].max_score;
            if (!q->unit.empty()) fact.unit = q->unit;
            if (!header[c].benchmark.empty()) fact.benchmark = header[c].benchmark;
            fact.model = subject.model;
            fact.team = subject.team;
        } else {
            // A size column holds 8B, 310억 or a count in the header's unit;
            // fewer than a million parameters is no model's size.
            if (!q->unit.empty() && q->unit != "파라미터" && q->unit != "매개변수" && q->unit != "개") continue;
            if (q->value.scale != 0 || q->value.mantissa < 1000000) continue;
            if (!stated.insert(figure_key(FactType::parameter_count, subject, q->value)).second) continue;
            Fact& fact = emit(FactType::parameter_count, span, "table.size", first, end);
            fact.value = q->value;
            fact.approximate = q->approximate || q->bound != Bound::none;
            fact.model = subject.model;
            fact.team = subject.team;
        }
    }
}

// A cell of a 팀 or 모델 column that no gazetteer or rule knows names a
// team or a model of its own (`| 3 | 가온랩스 | 가온-M | 14B | 70.2 |`), when
// its row holds a figure; later mentions in the article link to it.
void FactBuilder::add_table_row_names(const std::vector<TableCell>& cells, const std::vector<TableColumn>& header,
                                      const Subject& subject) {
    bool figures = false;
    for (std::size_t c = 0; c < cells.size() && c < header.size() && !figures; ++c) {
        figures = (header[c].kind == TableColumn::scores || header[c].kind == TableColumn::sizes) &&
                  quantity_filling(cells[c]) != nullptr;
    }
    if (!figures) return;
    for (std::size_t c = 0; c < cells.size() && c < header.size(); ++c) {
        const TableColumn::Kind kind = header[c].kind;
        if (kind != TableColumn::teams && kind != TableColumn::models) continue;
        const auto [first, end] = units_within(cells[c].start, cells[c].end);
        if (first == end) continue;  // an empty cell
        bool known = false;
        for (std::size_t u = first; u < end && !known; ++u) known = model_name_at(u) || team_name_at(u);
        if (known) continue;
        const std::string text(std::string_view(text_.text).substr(cells[c].start, cells[c].end - cells[c].start));
        // A placeholder (-, 비공개, 평균, N/A) names nothing.
        const bool letters = std::any_of(text.begin(), text.end(), [](char x) { return (x & 0x80) || std::isalpha(static_cast<unsigned char>(x)); });
        if (!letters || !plausible_name(text) || lexicon_.is_not_name(text)) continue;
        const ByteSpan span = text_.to_source(cells[c].start, cells[c].end);
        if (kind == TableColumn::teams) {
            // A university in a table's team column (POSTECH) is named as teams.tsv names it.
            const Entity* lab = lexicon_.find(text, EntityKind::org);
            const std::string canonical = *local_teams_.add(text, lab && lab->lab ? lab->name : text);
            if (options_.types.contains(FactType::team)) emit(FactType::team, span, "table.team", first, end).team = canonical;
            continue;
        }
        const std::string canonical = *local_models_.add(text, text);
        if (subject.team) local_model_team_.emplace(canonical, *subject.team);
        if (options_.types.contains(FactType::model)) {
            Fact& fact = emit(FactType::model, span, "table.model", first, end);
            fact.model = canonical;
            fact.team = subject.team;
        }
    }
}

}  // namespace kfacts
