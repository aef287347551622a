#include "platform/service/random_token.h"

#include <sodium.h>

#include <vector>

namespace houqin {

std::string RandomHex(std::size_t bytes) {
    std::vector<unsigned char> raw(bytes);
    randombytes_buf(raw.data(), raw.size());
    std::string hex(bytes * 2 + 1, '\0');  // sodium_bin2hex writes the terminating NUL too
    sodium_bin2hex(hex.data(), hex.size(), raw.data(), raw.size());
    hex.pop_back();
    return hex;
}

}  // namespace houqin
