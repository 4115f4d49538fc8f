# Smoke test of the Windows bundle, the same checks as ../smoke_bundle.sh:
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\smoke_bundle.ps1 [BUNDLE_DIR]
param([string]$Bundle = (Join-Path $PSScriptRoot "..\..\dist\MentorDesk"))
$ErrorActionPreference = "Stop"
$Cli = Join-Path $Bundle "mentordesk-cli.exe"
if (-not (Test-Path $Cli)) { throw "no bundle at $Bundle (run build_windows.ps1 first)" }
if (-not (Test-Path (Join-Path $Bundle "MentorDesk.exe"))) { throw "MentorDesk.exe is missing" }
$Internal = Join-Path $Bundle "_internal\mentordesk"
foreach ($Shipped in @("resources\translations\mentordesk_zh_CN.qm", "resources\icons\mentordesk.svg",
                       "resources\rubrics", "forms\first_run.ui", "core\alembic\versions")) {
    if (-not (Test-Path (Join-Path $Internal $Shipped))) { throw "the bundle lacks mentordesk\$Shipped" }
}

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
    Step "mentordesk-cli check" @("check") "OK"
    $Passphrase = Join-Path $Data "passphrase"
    Set-Content -Path $Passphrase -Value "steel and slag" -Encoding ascii
    Step "mentordesk-cli identity create" @("identity", "create", "--name", "Zhang Wei",
        "--passphrase-file", $Passphrase) "fingerprint"
    $Sheets = Join-Path $Data "sheets"
    New-Item -ItemType Directory $Sheets | Out-Null
    Step "mentordesk-cli sheets (a cohort)" @("sheets", $Sheets, "--cohort", "2025 Rolling Order Class") "written"
    $Sheet = (Get-ChildItem $Sheets -Filter *.pdf | Select-Object -First 1).FullName
    Step "mentordesk-cli verify (unsigned sheet)" @("verify", $Sheet) "no signature" 1
    $Workbook = Join-Path $Data "results.xlsx"
    Step "mentordesk-cli export (Chinese headers)" @("export", $Workbook, "--chinese-headers") "Exported"
    Write-Host "smoke_bundle: all passed ($Bundle)"
} finally {
    Remove-Item Env:MENTORDESK_EXIT_AFTER_SHOW -ErrorAction SilentlyContinue
    Remove-Item -Recurse -Force $Data -ErrorAction SilentlyContinue
}
