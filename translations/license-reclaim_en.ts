<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>lr::ui::OverviewPage</name>
    <message numerus="yes">
        <source>%n license type(s).</source>
        <translation>
            <numerusform>%n license type.</numerusform>
            <numerusform>%n license types.</numerusform>
        </translation>
    </message>
</context>
</TS>
