#include <CLI/CLI.hpp>

int main(int argc, char** argv) {
    CLI::App app{"kfacts: facts from Korean AI news"};
    CLI11_PARSE(app, argc, argv);
    return 0;
}
