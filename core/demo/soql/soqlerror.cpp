#include "core/demo/soql/soqlerror.h"

using namespace Qt::StringLiterals;

namespace lr::demo {

Error SoqlError::at(QStringView soql,
                    qsizetype offset,
                    QLatin1StringView code,
                    const QString &sentence,
                    const QString &field)
{
    offset = qBound(qsizetype(0), offset, soql.size());
    const qsizetype lineStart = offset == 0 ? 0 : soql.lastIndexOf(u'\n', offset - 1) + 1;
    qsizetype lineEnd = soql.indexOf(u'\n', offset);
    if (lineEnd < 0) {
        lineEnd = soql.size();
    }
    QStringView line = soql.sliced(lineStart, lineEnd - lineStart);
    if (line.endsWith(u'\r')) {
        line.chop(1);
    }
    const qsizetype row = soql.first(lineStart).count(u'\n') + 1;
    const qsizetype column = offset - lineStart + 1;
    // Salesforce shows only a window of about 30 characters either side of the token on a
    // long line; the exact rule is not documented, so the demo org shows the whole line.
    const QString message = u'\n' + line.toString() + u'\n' + QString(column - 1, u' ')
                            + u"^\nERROR at Row:%1:Column:%2\n"_s.arg(row).arg(column) + sentence;
    Error error = plain(code, message);
    if (!field.isEmpty()) {
        error.fields = {field};
    }
    return error;
}

Error SoqlError::plain(QLatin1StringView code, const QString &sentence)
{
    Error error = Error::make(Error::Kind::Remote, QString(code), sentence);
    error.httpStatus = 400;
    return error;
}

Error SoqlError::unexpectedToken(QStringView soql, qsizetype offset, const QString &token)
{
    return at(soql, offset, kMalformedQuery, u"unexpected token: '%1'"_s.arg(token));
}

Error SoqlError::noSuchColumn(QStringView soql,
                              qsizetype offset,
                              const QString &column,
                              const QString &entity)
{
    return at(soql,
              offset,
              kInvalidField,
              u"No such column '%1' on entity '%2'. If you are attempting to use a custom field, "
              u"be sure to append the '__c' after the custom field name. Please reference your "
              u"WSDL or the describe call for the appropriate names."_s.arg(column, entity),
              column);
}

Error SoqlError::unknownRelationship(QStringView soql,
                                     qsizetype offset,
                                     const QString &relationship)
{
    return at(
        soql,
        offset,
        kInvalidField,
        u"Didn't understand relationship '%1' in field path. If you are attempting to use "
        u"a custom relationship, be sure to append the '__r' after the custom relationship "
        u"name. Please reference your WSDL or the describe call for the appropriate names."_s.arg(
            relationship),
        relationship);
}

Error SoqlError::unsupportedType(QStringView soql, qsizetype offset, const QString &type)
{
    return at(soql,
              offset,
              kInvalidType,
              u"sObject type '%1' is not supported. If you are attempting to use a custom object, "
              u"be sure to append the '__c' after the entity name. Please reference your WSDL or "
              u"the describe call for the appropriate names."_s.arg(type));
}

} // namespace lr::demo
