#pragma once
// One page of a list and the number of rows that match in all (every list of the API: ?page=&page_size=).
#include <cstdint>
#include <utility>
#include <vector>

namespace houqin {

template <typename T>
struct Page {
    std::vector<T> items;
    std::int64_t total = 0;  // rows matching the filter, on every page
};

template <typename T>
Page<T> PageOf(std::vector<T> items, std::int64_t total) {
    return Page<T>{std::move(items), total};
}

}  // namespace houqin
