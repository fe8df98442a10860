#include "core/safety/requiredliteral.h"

using namespace Qt::StringLiterals;

namespace lr::safety {

namespace {

bool isAsciiAlnum(char16_t c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

char16_t foldAscii(char16_t c)
{
    return (c >= u'A' && c <= u'Z') ? static_cast<char16_t>(c + (u'a' - u'A')) : c;
}

// Escapes that stand for one class or assertion and take no argument: \d, \b, \R …
bool isPlainEscape(char16_t c)
{
    return u"dDwWsSbBhHvVRXK"_s.contains(QChar(c));
}

// Reads a pattern from left to right, keeping the longest run of literal characters that
// sits at the top level with nothing optional about it. Every "cannot tell" is a failure.
class PatternReader
{
public:
    explicit PatternReader(QStringView pattern)
        : m_pattern(pattern)
    { }

    RequiredLiteral read()
    {
        // Quoting, verbs such as (*ACCEPT) and (*CR), and \E change what the text around them
        // means; recognising them anywhere is simpler and safer than following them.
        if (m_pattern.contains(u"(*") || m_pattern.contains(u"\\Q") || m_pattern.contains(u"\\E")) {
            return {};
        }
        while (m_pos < m_pattern.size()) {
            if (!step()) {
                return {};
            }
        }
        endRun();
        return m_best;
    }

private:
    bool step()
    {
        const char16_t c = at(m_pos);
        switch (c) {
        case u'\\':
            return escape();
        case u'[': {
            const qsizetype end = classEnd(m_pos);
            if (end < 0) {
                return false;
            }
            m_pos = end;
            endRun();
            return true;
        }
        case u'(': {
            const qsizetype end = groupEnd(m_pos);
            if (end < 0) {
                return false;
            }
            m_pos = end;
            endRun();
            return true;
        }
        case u')':
        case u'|':
            return false;
        case u'?':
        case u'*':
        case u'+':
            quantify(c);
            ++m_pos;
            return true;
        case u'{':
            // Whether or not PCRE reads it as a quantifier, skipping it only drops literals.
            quantify(c);
            m_pos = m_pattern.indexOf(u'}', m_pos);
            m_pos = m_pos < 0 ? m_pattern.size() : m_pos + 1;
            return true;
        case u'^':
            if (m_pos == 0) {
                m_afterStartAnchor = true;
            } else {
                endRun();
            }
            ++m_pos;
            return true;
        default:
            if (c >= 0x20 && c < 0x7f && c != u'$' && c != u'.') {
                literal(c);
            } else {
                endRun();
            }
            ++m_pos;
            return true;
        }
    }

    bool escape()
    {
        if (m_pos + 1 >= m_pattern.size()) {
            return false;
        }
        const char16_t c = at(m_pos + 1);
        m_pos += 2;
        if (c >= 0x20 && c < 0x7f && !isAsciiAlnum(c)) {
            literal(c); // \. \- \@ …
        } else if (isPlainEscape(c)) {
            endRun();
        } else {
            return false; // \x{…}, \p{…}, \c?, back references, \A, \z …
        }
        return true;
    }

    // `q` follows an atom: a character of the run makes it optional or repeated.
    void quantify(char16_t q)
    {
        if (m_lastInRun && q != u'+') {
            m_run.chop(1);
        }
        endRun(); // + keeps its character, but what follows need not be adjacent to it
    }

    void literal(char16_t c)
    {
        if (m_run.isEmpty()) {
            m_runAtStart = m_afterStartAnchor;
        }
        m_afterStartAnchor = false;
        m_run.append(QChar(foldAscii(c)));
        m_lastInRun = true;
    }

    void endRun()
    {
        // The longest run rules out the most values; on a tie the first stays, which is the
        // anchored one when there is one (only a run at the very start can be anchored).
        if (m_run.size() > m_best.text.size()) {
            m_best = {m_run, m_runAtStart};
        }
        m_run.clear();
        m_runAtStart = false;
        m_lastInRun = false;
        m_afterStartAnchor = false;
    }

    // From the '[' at `pos`, the index after its ']', or -1 when the class is not understood.
    qsizetype classEnd(qsizetype pos) const
    {
        qsizetype i = pos + 1;
        if (i < m_pattern.size() && at(i) == u'^') {
            ++i;
        }
        if (i < m_pattern.size() && at(i) == u']') {
            ++i; // a ']' first in a class is a member, not the end
        }
        while (i < m_pattern.size()) {
            const char16_t c = at(i);
            if (c == u'\\') {
                if (i + 1 < m_pattern.size() && at(i + 1) == u'c') {
                    return -1; // \c takes the next character, which may be ']'
                }
                i += 2;
            } else if (c == u'[') {
                return -1; // [:alpha:] and friends
            } else if (c == u']') {
                return i + 1;
            } else {
                ++i;
            }
        }
        return -1;
    }

    // From the '(' at `pos`, the index after its matching ')', or -1 when a group is of a
    // kind that could change the meaning of the text around it.
    qsizetype groupEnd(qsizetype pos) const
    {
        int depth = 0;
        qsizetype i = pos;
        while (i < m_pattern.size()) {
            const char16_t c = at(i);
            if (c == u'\\') {
                if (i + 1 < m_pattern.size() && at(i + 1) == u'c') {
                    return -1;
                }
                i += 2;
            } else if (c == u'[') {
                i = classEnd(i);
                if (i < 0) {
                    return -1;
                }
            } else if (c == u'(') {
                if (isComment(i)) {
                    i = m_pattern.indexOf(u')', i);
                    if (i < 0) {
                        return -1;
                    }
                    ++i;
                    if (depth == 0) {
                        return i;
                    }
                    continue;
                }
                if (!isPlainGroup(i)) {
                    return -1;
                }
                ++depth;
                ++i;
            } else if (c == u')') {
                --depth;
                ++i;
                if (depth == 0) {
                    return i;
                }
            } else {
                ++i;
            }
        }
        return -1;
    }

    bool isComment(qsizetype pos) const { return m_pattern.mid(pos).startsWith(u"(?#"); }

    // Capturing, non-capturing, branch-reset, atomic, named and look-around groups: their
    // content does not reach outside them. Option settings such as (?x), conditionals and
    // subroutine calls do, or might.
    bool isPlainGroup(qsizetype pos) const
    {
        const QStringView rest = m_pattern.mid(pos);
        if (!rest.startsWith(u"(?")) {
            return true;
        }
        for (QStringView opening :
             {u"(?:", u"(?|", u"(?=", u"(?!", u"(?>", u"(?<=", u"(?<!", u"(?'"}) {
            if (rest.startsWith(opening)) {
                return true;
            }
        }
        if (rest.startsWith(u"(?<") && rest.size() > 3) {
            const char16_t c = rest.at(3).unicode();
            return c == u'_' || (isAsciiAlnum(c) && !(c >= u'0' && c <= u'9'));
        }
        return false;
    }

    char16_t at(qsizetype i) const { return m_pattern.at(i).unicode(); }

    QStringView m_pattern;
    qsizetype m_pos = 0;
    QString m_run;
    bool m_runAtStart = false;
    bool m_lastInRun = false;
    bool m_afterStartAnchor = false;
    RequiredLiteral m_best;
};

} // namespace

RequiredLiteral RequiredLiteral::of(QStringView pattern)
{
    return PatternReader(pattern).read();
}

} // namespace lr::safety
