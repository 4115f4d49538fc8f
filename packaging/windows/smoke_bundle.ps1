# Smoke test of the Windows bundle, the same checks in the same order as ../smoke_bundle.sh (which
# CI runs on the Linux bundle; keep the two in step): the shipped files, --help, the main window
# offscreen on a fresh data folder, demo, check, a signing identity, a cohort's PDF sheets, a
# signature check, a results workbook, and the window again in Chinese. Stops on the first failure.
# This file stays ASCII (Windows PowerShell 5.1 reads a BOM-less script in the ANSI code page):
# Chinese text is spelled with [char] codes.
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\smoke_bundle.ps1 [BUNDLE_DIR]
param([string]$Bundle = (Join-Path $PSScriptRoot "..\..\dist\MentorDesk"))
$ErrorActionPreference = "Stop"
$Cli = Join-Path $Bundle "mentordesk-cli.exe"
if (-not (Test-Path $Cli)) { throw "no bundle at $Bundle (run build_windows.ps1 first)" }
if (-not (Test-Path (Join-Path $Bundle "MentorDesk.exe"))) { throw "MentorDesk.exe is missing" }
$Internal = Join-Path $Bundle "_internal\mentordesk"
foreach ($Shipped in @("resources\translations\mentordesk_zh_CN.qm", "resources\icons\mentordesk.svg",
                       "resources\rubrics", "forms", "core\alembic\versions")) {
    if (-not (Test-Path (Join-Path $Internal $Shipped))) { throw "the bundle lacks mentordesk\$Shipped" }
}
if (-not (Get-ChildItem (Join-Path $Internal "forms") -Filter *.ui)) { throw "the bundle holds no forms\*.ui" }
Write-Host "ok   shipped files present"

$Data = Join-Path ([IO.Path]::GetTempPath()) ("mentordesk-smoke-" + [guid]::NewGuid())
New-Item -ItemType Directory $Data | Out-Null
$env:MENTORDESK_DATA_DIR = $Data
$env:QT_QPA_PLATFORM = "offscreen"
Remove-Item Env:MENTORDESK_DB -ErrorAction SilentlyContinue

function Step {
    param([string]$What, [string[]]$Arguments, [string]$Expect, [int]$Status = 0)
    $Watch = [Diagnostics.Stopwatch]::StartNew()
    # Windows PowerShell turns a native program's stderr lines (Qt's warnings) into errors
    # under "Stop"; the exit code and output are what count here.
    $ErrorActionPreference = "Continue"
    $Output = & $Cli @Arguments 2>&1 | Out-String
    $ErrorActionPreference = "Stop"
    if ($LASTEXITCODE -ne $Status) { throw "$What exited with $LASTEXITCODE`n$Output" }
    if ($Output -notmatch $Expect) { throw "$What printed no '$Expect'`n$Output" }
    if ($Output -match "Traceback") { throw "$What printed a traceback`n$Output" }
    Write-Host ("ok   {0,-36} {1,6:N2} s" -f $What, $Watch.Elapsed.TotalSeconds)
}

try {
    Step "mentordesk-cli --help" @("--help") "usage: mentordesk"
    $env:MENTORDESK_EXIT_AFTER_SHOW = "1"
    Step "window on an empty database" @() "shown "
    Remove-Item Env:MENTORDESK_EXIT_AFTER_SHOW
    if (-not (Test-Path (Join-Path $Data "mentordesk.db"))) { throw "no database in $Data" }
    Step "mentordesk-cli demo" @("demo") "Demo loaded"
    Step "mentordesk-cli check" @("check") "(?m)^OK"
    $Passphrase = Join-Path $Data "passphrase"
    Set-Content -Path $Passphrase -Value "steel and slag" -Encoding ascii
    # A Chinese name, whatever the console code page (the bundle runs in Python's UTF-8 mode).
    $Name = "Zhang Wei " + [char]0x5F20 + [char]0x4F1F
    Step "mentordesk-cli identity create" @("identity", "create", "--name", $Name,
        "--passphrase-file", $Passphrase) "fingerprint"
    $Sheets = Join-Path $Data "sheets"
    New-Item -ItemType Directory $Sheets | Out-Null
    Step "mentordesk-cli sheets (a cohort)" @("sheets", $Sheets, "--cohort", "2025 Rolling Order Class") "written"
    $Sheet = (Get-ChildItem $Sheets -Filter *.pdf | Select-Object -First 1).FullName
    if (-not $Sheet -or (Get-Item $Sheet).Length -eq 0) { throw "sheets wrote no PDF" }
    Step "mentordesk-cli verify (unsigned sheet)" @("verify", $Sheet) "no signature" 1
    $Workbook = Join-Path $Data "results.xlsx"
    Step "mentordesk-cli export (Chinese headers)" @("export", $Workbook, "--chinese-headers") "Exported"
    if (-not (Test-Path $Workbook) -or (Get-Item $Workbook).Length -eq 0) { throw "export wrote no workbook" }
    # Reads the workbook back (openpyxl opens it, calamine reads its sheets): all unchanged.
    Step "mentordesk-cli import (dry run of that export)" @("import", $Workbook, "--dry-run") " 0 new, 0 updated, [0-9]+ unchanged, 0 rejected"
    # Qt on Windows takes the language from the user's settings, not from LANG as on Linux: the
    # Settings choice (an INI file beside a redirected data folder) picks Chinese instead.
    Set-Content -Path (Join-Path $Data "preferences.ini") -Value "[ui]`r`nlanguage=zh_CN" -Encoding ascii
    $env:MENTORDESK_EXIT_AFTER_SHOW = "1"
    Step "window on demo data, in Chinese" @() "shown "
    Remove-Item Env:MENTORDESK_EXIT_AFTER_SHOW
    Write-Host "smoke_bundle: all passed ($Bundle)"
} finally {
    Remove-Item Env:MENTORDESK_EXIT_AFTER_SHOW -ErrorAction SilentlyContinue
    Remove-Item -Recurse -Force $Data -ErrorAction SilentlyContinue
}
