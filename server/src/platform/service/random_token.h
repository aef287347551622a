#pragma once
// Unguessable tokens from the operating system's random source (libsodium's randombytes): session cookies and CSRF
// tokens, upload tokens, the key of a survey answer, the mark of one lock-out attempt. One function, so every token
// is drawn and written the same way.
#include <cstddef>
#include <string>

namespace houqin {

// `bytes` random bytes written as lower-case hex (2 * bytes characters).
std::string RandomHex(std::size_t bytes);

}  // namespace houqin
