#pragma once

#include <QObject>

#include <memory>

namespace lr {

// A std::unique_ptr deleter for QObjects that may still be in the middle of emitting a
// signal when their owner lets go of them, as a QNetworkReply is when a coroutine resumed
// by its finished() signal returns (the Qt docs: never delete a reply in a slot connected
// to finished()). The object goes when control is back in the event loop.
struct DeleteLater
{
    void operator()(QObject *object) const { object->deleteLater(); } // never null here
};

template <typename T>
using LaterPtr = std::unique_ptr<T, DeleteLater>;

} // namespace lr
