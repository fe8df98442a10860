#pragma once

#include "core/common/error.h"

#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

namespace lr {

// Either a value or an Error. C++20 has no std::expected, so this is the small subset we use:
// test with `if (!r)`, read `r.value()` or `r.error()`. Accessing the wrong side is a bug
// (asserted in debug builds).
template <typename T>
class [[nodiscard]] Result
{
public:
    // An unset result (an Internal error); exists because QCoro::waitFor needs a default
    // constructible value.
    Result()
        : m_state(std::in_place_index<1>,
                  Error::make(Error::Kind::Internal, QStringLiteral("UNSET"), QString()))
    { }
    Result(T value)
        : m_state(std::in_place_index<0>, std::move(value))
    { }
    Result(Error error)
        : m_state(std::in_place_index<1>, std::move(error))
    { }

    [[nodiscard]] bool hasValue() const { return m_state.index() == 0; }
    explicit operator bool() const { return hasValue(); }

    [[nodiscard]] T &value() &
    {
        Q_ASSERT(hasValue());
        return std::get<0>(m_state);
    }
    [[nodiscard]] const T &value() const &
    {
        Q_ASSERT(hasValue());
        return std::get<0>(m_state);
    }
    [[nodiscard]] T &&value() &&
    {
        Q_ASSERT(hasValue());
        return std::get<0>(std::move(m_state));
    }
    [[nodiscard]] const Error &error() const
    {
        Q_ASSERT(!hasValue());
        return std::get<1>(m_state);
    }

    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }
    T &&operator*() && { return std::move(*this).value(); }

private:
    std::variant<T, Error> m_state;
};

template <>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
    { }

    [[nodiscard]] bool hasValue() const { return !m_error.has_value(); }
    explicit operator bool() const { return hasValue(); }
    [[nodiscard]] const Error &error() const
    {
        Q_ASSERT(m_error.has_value());
        return *m_error;
    }

private:
    std::optional<Error> m_error;
};

} // namespace lr
