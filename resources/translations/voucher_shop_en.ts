<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>errors</name>
    <message numerus="yes">
        <location filename="../../desktop_app/messages.py" line="281"/>
        <source>Too many wrong passwords. Wait %n second(s), then try again.</source>
        <translation>
            <numerusform>Too many wrong passwords. Wait %n second, then try again.</numerusform>
            <numerusform>Too many wrong passwords. Wait %n seconds, then try again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/messages.py" line="284"/>
        <source>Too many wrong passwords. Wait %n minute(s), then try again, or ask the owner to reset the password.</source>
        <translation>
            <numerusform>Too many wrong passwords. Wait %n minute, then try again, or ask the owner to reset the password.</numerusform>
            <numerusform>Too many wrong passwords. Wait %n minutes, then try again, or ask the owner to reset the password.</numerusform>
        </translation>
    </message>
</context>
</TS>
