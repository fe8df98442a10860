#pragma once

#include "core/common/result.h"
#include "core/demo/generator/batchinserter.h"
#include "core/demo/schema/orgschema.h"

#include <QSqlDatabase>
#include <QString>

namespace lr::demo {

// What every part of the generator shares while it fills one org. All instants are
// milliseconds since the Unix epoch, UTC.
struct GenerationContext
{
    QSqlDatabase db;
    const OrgSchema *schema = nullptr;
    quint64 seed = 1;
    qint64 anchor = 0;     // "now" for the generated org
    qint64 orgCreated = 0; // Organization.CreatedDate; nothing is older
    QString organizationId;
    QString orgName;
    QString emailDomain; // "acme.example"
    QString loginHost;   // My Domain: "acme.my.salesforce.com"
    QString adminId;     // the admin principal, creator of setup records
    bool sandbox = false;

    [[nodiscard]] Result<BatchInserter> inserter(const QString &object,
                                                 const QStringList &columns) const
    {
        const SObjectType *type = schema->object(object);
        if (type == nullptr) {
            return Error::make(Error::Kind::Internal,
                               QStringLiteral("DEMO_ORG_GENERATOR"),
                               QStringLiteral("The demo org schema has no %1 object").arg(object));
        }
        return BatchInserter::create(db, *type, columns);
    }
};

} // namespace lr::demo
