// Benchmark tables as crawlers deliver them: one line per row, cells
// separated by tabs or by '|' (Markdown). A header row names benchmarks (or
// a size column: 파라미터, 매개변수); each later row starts with what it is
// about, a model or a team, and holds a number per column:
//
//   모델            KMMLU   MMLU   파라미터
//   LUMEN-K2-Lite   55.0    74.6   8B
//
// gives benchmark_score facts (LUMEN-K2-Lite, KMMLU, 55.0), … and a
// parameter_count (LUMEN-K2-Lite, 8000000000). A line without cells ends the
// table. Prose about the same figure gives the same fact once.
#include <algorithm>

#include "facts/fact_builder.h"

namespace kfacts {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// The cells of one line, or nothing when the line is no table row. A tab
// separates cells; without tabs, a line that starts with '|' is a Markdown row.
std::vector<TableCell> split_cells(std::string_view text, std::size_t start, std::size_t end) {
    const std::string_view line = text.substr(start, end - start);
    char separator = '\t';
    if (line.find('\t') == std::string_view::npos) {
        const std::size_t first = line.find_first_not_of(' ');
        if (first == std::string_view::npos || line[first] != '|') return {};
        separator = '|';
    }
    std::vector<TableCell> cells;
    std::size_t from = start;
    while (from <= end) {
        std::size_t to = text.find(separator, from);
        if (to == std::string_view::npos || to > end) to = end;
        TableCell cell{from, to};
        while (cell.start < cell.end && is_blank(text[cell.start])) ++cell.start;
        while (cell.end > cell.start && is_blank(text[cell.end - 1])) --cell.end;
        cells.push_back(cell);
        from = to + 1;
    }
    if (separator == '|') {
        // `| a | b |`: the edges are no cells.
        if (!cells.empty() && cells.front().empty()) cells.erase(cells.begin());
        if (!cells.empty() && cells.back().empty()) cells.pop_back();
    }
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
    bool any = false;
    for (std::size_t c = 1; c < cells.size(); ++c) {
        const auto [first, end] = units_within(cells[c].start, cells[c].end);
        for (std::size_t u = first; u < end; ++u) {
            const Unit& unit = units_.units[u];
            if (unit.cls == UnitClass::benchmark) {
                columns[c] = {TableColumn::scores, entity(u)->name};
                break;
            }
            if (unit.keyword == "param") {
                columns[c].kind = TableColumn::sizes;
                break;
            }
        }
        any = any || columns[c].kind != TableColumn::other;
    }
    return any ? columns : std::vector<TableColumn>{};
}

Subject FactBuilder::table_row_subject(const TableCell& cell) const {
    Subject subject;
    const auto [first, end] = units_within(cell.start, cell.end);
    std::size_t named = end;
    for (std::size_t u = first; u < end && subject.empty(); ++u) {
        subject.model = model_at(u);
        if (!subject.model) subject.team = team_at(u);
        if (!subject.empty()) named = u;
    }
    // The first cell names the row's subject as a whole: a model no gazetteer
    // knows is written with Latin letters and digits (LUMEN-K2-Lite, or
    // ZETA-9 Pro where a rule knows only ZETA-9); 평균 is no subject.
    const std::string_view text = std::string_view(text_.text).substr(cell.start, cell.end - cell.start);
    const bool latin = std::any_of(text.begin(), text.end(), [](char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; });
    const bool digit = std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    const bool whole = named < end && units_.units[named].norm_start == cell.start &&
                       units_.units[named].norm_end == cell.end;
    if (!whole && latin && digit && text.size() <= 48) {
        subject.model = std::string(text);
        subject.team = team_of_model(*subject.model);
        return subject;
    }
    if (subject.model) subject.team = team_of_model(*subject.model);
    return subject;
}

// The quantity that is the whole of `cell`, or nullptr.
const Quantity* FactBuilder::quantity_filling(const TableCell& cell) const {
    const auto it = std::lower_bound(quantities_.begin(), quantities_.end(), cell.start,
                                     [](const Quantity& q, std::size_t offset) { return q.norm_start < offset; });
    if (it == quantities_.end() || it->norm_start != cell.start || it->norm_end != cell.end) return nullptr;
    return it->kind == NumberKind::quantity ? &*it : nullptr;
}

bool FactBuilder::has_fact(FactType type, const Subject& subject, const ExactNumber& number) const {
    return std::any_of(facts_.begin(), facts_.end(), [&](const Fact& f) {
        const auto& value = type == FactType::benchmark_score ? f.score : f.value;
        return f.type == type && value && *value == number && f.model == subject.model &&
               (subject.model || f.team == subject.team);
    });
}

void FactBuilder::add_table_facts() {
    const std::string_view text = text_.text;
    std::vector<TableColumn> header;
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::vector<TableCell> cells = split_cells(text, start, end);
        if (cells.empty()) {
            header.clear();
        } else if (is_rule_line(text.substr(start, end - start))) {
            // Markdown's line under the header keeps the header.
        } else if (header.empty()) {
            header = table_header(cells);
        } else {
            add_table_row(cells, header);
        }
        start = end + 1;
    }
}

void FactBuilder::add_table_row(const std::vector<TableCell>& cells, const std::vector<TableColumn>& header) {
    const Subject subject = table_row_subject(cells.front());
    if (subject.empty()) return;
    for (std::size_t c = 1; c < cells.size() && c < header.size(); ++c) {
        if (header[c].kind == TableColumn::other) continue;
        const Quantity* q = quantity_filling(cells[c]);
        if (!q) continue;
        const ByteSpan span = text_.to_source(q->norm_start, q->norm_end);
        const auto [first, end] = units_within(cells.front().start, cells[c].end);
        if (header[c].kind == TableColumn::scores) {
            if (!q->unit.empty() && q->unit != "점" && q->unit != "%") continue;
            if (has_fact(FactType::benchmark_score, subject, q->value)) continue;
            Fact& fact = emit(FactType::benchmark_score, span, "table.score", first, end);
            fact.score = q->value;
            fact.max_score = q->max_score;
            if (!q->unit.empty()) fact.unit = q->unit;
            fact.benchmark = header[c].benchmark;
            fact.model = subject.model;
            fact.team = subject.team;
        } else {
            // A size column holds 8B, 700억 or a bare count in the header's unit.
            if (!q->scale_suffix && q->unit != "파라미터" && q->unit != "개") continue;
            if (has_fact(FactType::parameter_count, subject, q->value)) continue;
            Fact& fact = emit(FactType::parameter_count, span, "table.size", first, end);
            fact.value = q->value;
            fact.approximate = q->approximate || q->bound != Bound::none;
            fact.model = subject.model;
            fact.team = subject.team;
        }
    }
}

}  // namespace kfacts
