; Windows installer for CreditDesk 信用核查窗口助手 (NSIS 3, Unicode), made from the PyInstaller
; one-folder build. On a Windows machine, from the repository root:
;
;   pip install ".[installer]"  &&  pyinstaller --noconfirm --clean installer\creditdesk.spec
;   makensis /DVERSION=0.1.0 installer\windows\creditdesk.nsi
;
; gives installer\windows\CreditDesk-Setup-0.1.0.exe. Installs per machine (administrator):
; the program under Program Files\CreditDesk, a Start menu entry for all users, an uninstaller
; (Apps & features), and the shared data home C:\ProgramData\CreditDesk (CREDITDESK_HOME, writable
; by the machine's users) so every officer on a shared window PC works on the same data.
; The uninstaller removes the program, the Start menu entry and CREDITDESK_HOME; the data in
; ProgramData stays (an upgrade or a reinstall finds it again; delete it by hand to discard it).
;
; DIST (the build folder) and EXE (the program's file name) can be given with /D to check this
; script against another build: installer/windows/check-nsis.sh compiles it on Linux.

Unicode true
!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef DIST
  !define DIST "..\..\dist\creditdesk"
!endif
!ifndef EXE
  !define EXE "creditdesk.exe"
!endif
!ifndef OUTFILE
  !define OUTFILE "CreditDesk-Setup-${VERSION}.exe"
!endif
!define APPNAME "CreditDesk"
!define DISPLAYNAME "信用核查窗口助手 CreditDesk"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\CreditDesk"
!define ENVKEY "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"

!include "MUI2.nsh"
!include "x64.nsh"

Name "${DISPLAYNAME}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APPNAME}"
InstallDirRegKey HKLM "${UNINSTKEY}" "InstallLocation"
RequestExecutionLevel admin
!ifdef FAST_CHECK
  SetCompress off  ; check-nsis.sh: only whether it compiles and finds its files
!else
  SetCompressor /SOLID lzma
!endif

!define MUI_ICON "..\..\resources\icons\creditdesk.ico"
!define MUI_UNICON "..\..\resources\icons\creditdesk.ico"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

Var DATAHOME

Function .onInit
  SetShellVarContext all
  SetRegView 64
FunctionEnd

Section "CreditDesk" SecMain
  SetShellVarContext all
  StrCpy $DATAHOME "$APPDATA\${APPNAME}"  ; all users: C:\ProgramData\CreditDesk
  SetOutPath "$INSTDIR"
  File /r "${DIST}\*"

  ; The shared data home: created once, writable by the machine's users (BUILTIN\Users).
  CreateDirectory "$DATAHOME"
  nsExec::ExecToLog 'icacls "$DATAHOME" /grant *S-1-5-32-545:(OI)(CI)M /T /Q'
  WriteRegExpandStr HKLM "${ENVKEY}" "CREDITDESK_HOME" "$DATAHOME"
  SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=2000

  CreateDirectory "$SMPROGRAMS\${APPNAME}"
  CreateShortCut "$SMPROGRAMS\${APPNAME}\信用核查窗口助手.lnk" "$INSTDIR\${EXE}" '--home "$DATAHOME"' \
    "$INSTDIR\${EXE}" 0
  CreateShortCut "$SMPROGRAMS\${APPNAME}\卸载 CreditDesk.lnk" "$INSTDIR\uninstall.exe"

  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayName" "${DISPLAYNAME}"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTKEY}" "Publisher" "CreditDesk"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\${EXE}"
  WriteRegStr HKLM "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKLM "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTKEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext all
  SetRegView 64
  Delete "$SMPROGRAMS\${APPNAME}\信用核查窗口助手.lnk"
  Delete "$SMPROGRAMS\${APPNAME}\卸载 CreditDesk.lnk"
  RMDir "$SMPROGRAMS\${APPNAME}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegValue HKLM "${ENVKEY}" "CREDITDESK_HOME"
  SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=2000
  DeleteRegKey HKLM "${UNINSTKEY}"
  ; The data in C:\ProgramData\CreditDesk is kept on purpose (see the top of this file).
SectionEnd
