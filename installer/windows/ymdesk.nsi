; ymdesk installer for Windows (NSIS 3): per-user, no administrator rights.
;
; Built by .ci/windows on Linux (the Windows bundle frozen under Wine), or `python installer\build.py --nsis` on
; Windows, from the PyInstaller one-folder output:
;   makensis -DVERSION=0.1.0 -DSOURCE_DIR=installer\build\dist\ymdesk -DOUTFILE=ymdesk-0.1.0-setup.exe
;            -DICON=installer\build\icons\ymdesk.ico installer\windows\ymdesk.nsi
; CI compiles this script on Linux with the Linux one-folder output as the payload and -DCOMPILE_CHECK (no
; compression): that proves the script compiles and packs a bundle, not that the result installs on Windows.
;
; Installs to %LOCALAPPDATA%\Programs\ymdesk; Start-menu shortcut; "Open with ymdesk" for .xlsx, .xls, .csv
; (and .ods) without taking over the default program; an entry in Settings > Apps (Add/Remove Programs) under
; HKCU. The uninstaller removes all of that and, if asked, the user's data: settings, journal, logs and the key.
; Silent: setup.exe /S installs; uninstall.exe /S removes the program and keeps the user's data, /S /PURGE both.

; ymdesk is x64 only, and so is its installer: a 64-bit, Unicode NSIS stub.
Target amd64-unicode

!ifndef VERSION
  !error "pass -DVERSION=x.y.z (the package version)"
!endif
!ifndef SOURCE_DIR
  !error "pass -DSOURCE_DIR=<the PyInstaller one-folder output, dist\ymdesk>"
!endif
!ifndef OUTFILE
  !define OUTFILE "ymdesk-${VERSION}-setup.exe"
!endif
!ifndef ICON
  !error "pass -DICON=<ymdesk.ico> (installer/make_icons.py renders it)"
!endif

!define APP "ymdesk"
!define PROGID "ymdesk.catalog"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\ymdesk"
!define CLASSES "Software\Classes"

Name "ymdesk ${VERSION}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\ymdesk"
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
BrandingText "ymdesk ${VERSION}"
!ifdef COMPILE_CHECK
  SetCompress off
!else
  SetCompressor /SOLID lzma
!endif

; VIProductVersion wants four numbers; build.py passes VERSION_QUAD, else "x.y.z" gets ".0".
!ifndef VERSION_QUAD
  !define VERSION_QUAD "${VERSION}.0"
!endif
VIProductVersion "${VERSION_QUAD}"
VIAddVersionKey /LANG=1033 "ProductName" "ymdesk"
VIAddVersionKey /LANG=1033 "FileDescription" "ymdesk installer"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "LegalCopyright" "MIT License"

!include "MUI2.nsh"
!include "FileFunc.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\ymdesk.exe"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Russian"

LangString FileTypeName ${LANG_ENGLISH} "Market catalog (ymdesk)"
LangString FileTypeName ${LANG_RUSSIAN} "Каталог Маркета (ymdesk)"
LangString AskPurge ${LANG_ENGLISH} "Also delete ymdesk's settings, journal of runs, logs, reports in its data folder and the API key saved in Windows Credential Manager?"
LangString AskPurge ${LANG_RUSSIAN} "Удалить также настройки ymdesk, журнал запусков, логи, отчёты в его папке данных и API-ключ из диспетчера учётных данных Windows?"

!macro OpenWith EXT
  ; Offered in "Open with", never made the default: office desktops keep Excel or LibreOffice for spreadsheets.
  WriteRegStr HKCU "${CLASSES}\${EXT}\OpenWithProgids" "${PROGID}" ""
  WriteRegStr HKCU "${CLASSES}\Applications\ymdesk.exe\SupportedTypes" "${EXT}" ""
!macroend

!macro RemoveOpenWith EXT
  DeleteRegValue HKCU "${CLASSES}\${EXT}\OpenWithProgids" "${PROGID}"
  DeleteRegKey /ifempty HKCU "${CLASSES}\${EXT}\OpenWithProgids"
  DeleteRegKey /ifempty HKCU "${CLASSES}\${EXT}"
!macroend

Function .onInit
  SetShellVarContext current
FunctionEnd

Function un.onInit
  SetShellVarContext current
FunctionEnd

Section "ymdesk" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; An upgrade must not keep libraries of the previous version next to the new ones.
  RMDir /r "$INSTDIR\_internal"
  File /r "${SOURCE_DIR}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortCut "$SMPROGRAMS\ymdesk.lnk" "$INSTDIR\ymdesk.exe" "" "$INSTDIR\ymdesk.exe" 0
  ; Lets Win+R and other programs start "ymdesk" by name without touching PATH.
  WriteRegStr HKCU "Software\Microsoft\Windows\CurrentVersion\App Paths\ymdesk.exe" "" "$INSTDIR\ymdesk.exe"

  ; "Open with ymdesk": the application key names the program and its types, the ProgID opens the file.
  WriteRegStr HKCU "${CLASSES}\Applications\ymdesk.exe" "FriendlyAppName" "ymdesk"
  WriteRegStr HKCU "${CLASSES}\Applications\ymdesk.exe\DefaultIcon" "" "$INSTDIR\ymdesk.exe,0"
  WriteRegStr HKCU "${CLASSES}\Applications\ymdesk.exe\shell\open\command" "" '"$INSTDIR\ymdesk.exe" "%1"'
  WriteRegStr HKCU "${CLASSES}\${PROGID}" "" "$(FileTypeName)"
  WriteRegStr HKCU "${CLASSES}\${PROGID}\DefaultIcon" "" "$INSTDIR\ymdesk.exe,0"
  WriteRegStr HKCU "${CLASSES}\${PROGID}\shell\open" "FriendlyAppName" "ymdesk"
  WriteRegStr HKCU "${CLASSES}\${PROGID}\shell\open\command" "" '"$INSTDIR\ymdesk.exe" "%1"'
  !insertmacro OpenWith ".xlsx"
  !insertmacro OpenWith ".xls"
  !insertmacro OpenWith ".csv"
  !insertmacro OpenWith ".ods"

  ; Settings > Apps (Add/Remove Programs), for this user only.
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "ymdesk"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "ymdesk"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\ymdesk.exe,0"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" $0

  ; SHCNE_ASSOCCHANGED: Explorer re-reads the associations now instead of after the next sign-in.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\ymdesk.lnk"
  DeleteRegKey HKCU "Software\Microsoft\Windows\CurrentVersion\App Paths\ymdesk.exe"
  !insertmacro RemoveOpenWith ".xlsx"
  !insertmacro RemoveOpenWith ".xls"
  !insertmacro RemoveOpenWith ".csv"
  !insertmacro RemoveOpenWith ".ods"
  DeleteRegKey HKCU "${CLASSES}\Applications\ymdesk.exe"
  DeleteRegKey HKCU "${CLASSES}\${PROGID}"
  DeleteRegKey HKCU "${UNINST_KEY}"

  ; Only what the installer put there: the folder may have been chosen by hand and hold other files.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\ymdesk.exe"
  Delete "$INSTDIR\ymdesk-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  ; The user's data stays unless they ask (silent uninstall keeps it): the default data folder (journal, logs,
  ; reports; a folder chosen with YMDESK_HOME is the user's to delete), Qt's settings in HKCU\Software\ymdesk,
  ; and the key, which keyring keeps as the generic credential "ymdesk" (or "market-api-key@ymdesk").
  ; /PURGE on the command line removes them without asking (for silent uninstalls that should).
  ${un.GetParameters} $0
  ClearErrors
  ${un.GetOptions} $0 "/PURGE" $1
  IfErrors 0 purge
  MessageBox MB_YESNO|MB_ICONQUESTION "$(AskPurge)" /SD IDNO IDNO done
  purge:
    RMDir /r "$LOCALAPPDATA\ymdesk"
    DeleteRegKey HKCU "Software\ymdesk"
    ; CredDeleteW(target, CRED_TYPE_GENERIC = 1, 0): what cmdkey /delete does, without needing cmdkey.exe.
    System::Call 'advapi32::CredDeleteW(w "ymdesk", i 1, i 0) i .r1'
    System::Call 'advapi32::CredDeleteW(w "market-api-key@ymdesk", i 1, i 0) i .r1'
  done:

  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
