# Compile hygiene shared by every target of the project: the Qt definitions that turn
# common mistakes (implicit ASCII casts, string connects, Q_FOREACH) into compile errors,
# and the warning set. Targets link lr_hygiene PRIVATE.
add_library(lr_hygiene INTERFACE)

target_compile_definitions(lr_hygiene INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_CONTEXTLESS_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_STRICT_ITERATORS
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    QT_MESSAGELOGCONTEXT)

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(lr_hygiene INTERFACE
        -Wall -Wextra -Wpedantic
        -Wold-style-cast -Wnon-virtual-dtor -Woverloaded-virtual -Wshadow
        -Werror=switch)
    if(LR_WARNINGS_AS_ERRORS)
        target_compile_options(lr_hygiene INTERFACE -Werror)
    endif()
elseif(MSVC)
    target_compile_options(lr_hygiene INTERFACE /W4 /permissive- /utf-8 /Zc:__cplusplus)
    if(LR_WARNINGS_AS_ERRORS)
        target_compile_options(lr_hygiene INTERFACE /WX)
    endif()
endif()
