# Builds dist\MentorDesk\ (PyInstaller, one folder) and, when Inno Setup 6 is installed,
# dist\installer\MentorDesk-<version>-setup.exe. Run from any folder:
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build_windows.ps1
#
# Needs Python 3.11 or later (64-bit) on PATH as "py -3" or "python".
$ErrorActionPreference = "Stop"
$Root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
$Venv = Join-Path $Root "build\bundle-venv-windows"
$PyInstallerVersion = "6.22.3"
$Started = Get-Date

function Invoke-Checked {
    param([string]$Exe, [string[]]$Arguments)
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

if (-not (Test-Path (Join-Path $Venv "Scripts\python.exe"))) {
    $Launcher = if (Get-Command py -ErrorAction SilentlyContinue) { "py" } else { "python" }
    $LauncherArgs = if ($Launcher -eq "py") { @("-3", "-m", "venv", $Venv) } else { @("-m", "venv", $Venv) }
    Invoke-Checked $Launcher $LauncherArgs
}
$Python = Join-Path $Venv "Scripts\python.exe"
Invoke-Checked $Python @("-m", "pip", "install", "--quiet", "--upgrade", "pip")
# The app with its pinned dependencies, PostgreSQL support for a site-wide database, PyInstaller.
Invoke-Checked $Python @("-m", "pip", "install", "--quiet", "pyinstaller==$PyInstallerVersion", "$Root", "psycopg2-binary")

# The shipped .qm files must match the .ts sources.
Invoke-Checked $Python @((Join-Path $Root "scripts\update_translations.py"), "--release-only")

Invoke-Checked $Python @("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
    "--distpath", (Join-Path $Root "dist"), "--workpath", (Join-Path $Root "build\pyinstaller-windows"),
    (Join-Path $PSScriptRoot "mentordesk.spec"))
$Seconds = [int]((Get-Date) - $Started).TotalSeconds
Write-Host "Built $(Join-Path $Root 'dist\MentorDesk') in $Seconds s"

$Iscc = @(
    (Get-Command iscc -ErrorAction SilentlyContinue).Source,
    "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
    "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
    "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe"
) | Where-Object { $_ -and (Test-Path $_) } | Select-Object -First 1
if ($Iscc) {
    $Version = & $Python -c "import mentordesk; print(mentordesk.__version__)"
    Invoke-Checked $Iscc @("/Q", "/DAppVersion=$Version", (Join-Path $PSScriptRoot "mentordesk.iss"))
    Write-Host "Installer: $(Join-Path $Root "dist\installer\MentorDesk-$Version-setup.exe")"
} else {
    Write-Host "Inno Setup 6 not found: the bundle is built, the installer is not (see README.md)."
}
