; Inno Setup 6 script: installs dist\MentorDesk\ (built by build_windows.ps1) as a normal Windows
; program with a Start menu entry and an uninstaller. build_windows.ps1 compiles it when Inno
; Setup is installed; by hand:  iscc /DAppVersion=0.1.0 packaging\windows\mentordesk.iss
;
; The user's data (database, logs, signing identity) lives in %LOCALAPPDATA%\MentorDesk\MentorDesk,
; settings under HKCU\Software\MentorDesk. The uninstaller deliberately leaves both in place:
; removing the program never removes records.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "MentorDesk"
#define AppExe "MentorDesk.exe"
#define Bundle "..\..\dist\MentorDesk"

[Setup]
; Never change AppId: upgrades and the uninstaller find earlier installations by it.
AppId={{9A344A32-D2C6-4162-92EA-A488706DCE7B}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=MentorDesk
AppPublisherURL=https://mentordesk.org/
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Installs for the current user without administrator rights; an administrator may choose all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist\installer
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\mentordesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
ShowLanguageDialog=auto
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Simplified Chinese is not among the translations every Inno Setup ships; when this one has it
; (Languages\ChineseSimplified.isl, from https://jrsoftware.org/files/istrans/), it is used.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#else
  #pragma warning "Languages\ChineseSimplified.isl is missing: the installer will be English only"
#endif

[CustomMessages]
english.Comment=Shop-floor training records and signed assessment sheets
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
chinesesimplified.Comment=车间实训记录与签名考核表
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundle's contents whole, so no file of an older version lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:Comment}"; AppUserModelID: "org.mentordesk.MentorDesk"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:Comment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
