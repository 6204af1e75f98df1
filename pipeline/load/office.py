"""Convert legacy office files (.doc, .wps, .rtf, .odt) to DOCX with LibreOffice headless.

Comment drafts are often posted as Word 97 `.doc` or Kingsoft `.wps` files
(both OLE compound documents), sometimes as RTF or ODT. Rather than parse
those formats, the file is handed to LibreOffice (`soffice --headless
--convert-to docx`), found as `POLICY_SOFFICE` or on PATH, and the DOCX it
writes is read by the DOCX loader. Each conversion runs in its own temporary
folder with a private user profile and TMPDIR, so parallel conversions never
share a profile lock and nothing is left behind; the input is written there
under a fixed name (the user's file name never reaches the command line). A
converter that runs past `POLICY_SOFFICE_TIMEOUT` seconds (default 120) is
killed with its whole process group; one that crashes or writes nothing is
that file's `InputError`. Without LibreOffice the error says how to install it.
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .guard import MAX_BYTES, open_zip, parse_xml, read_member

OFFICE_SUFFIXES = {".doc": "doc", ".wps": "wps", ".rtf": "rtf", ".odt": "odt"}
DEFAULT_TIMEOUT = 120.0
INSTALL_HINT = ("LibreOffice is needed to read .doc/.wps/.rtf/.odt files: install it "
                "(apt-get install libreoffice-writer-nogui) or set POLICY_SOFFICE, or save the file as .docx")
_APP = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}Application"
_VERSION = re.compile(r"LibreOffice/(\d+(?:\.\d+)*)")


@dataclass(frozen=True)
class Converted:
    """The DOCX bytes LibreOffice wrote, with the converter's name and version."""

    docx: bytes
    converter: str
    version: str | None


def find_soffice(name: str) -> str:
    """The LibreOffice executable: `POLICY_SOFFICE` (a path or a command), else `soffice`/`libreoffice` on PATH."""
    wanted = os.environ.get("POLICY_SOFFICE")
    if wanted:
        found = shutil.which(wanted)
        if not found:
            raise InputError(f"POLICY_SOFFICE={wanted} is not an executable; {INSTALL_HINT}", name)
        return found
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise InputError(INSTALL_HINT, name)
    return found


def timeout() -> float:
    """Seconds a conversion may take: `POLICY_SOFFICE_TIMEOUT`, else 120."""
    raw = os.environ.get("POLICY_SOFFICE_TIMEOUT", "")
    try:
        value = float(raw) if raw else DEFAULT_TIMEOUT
    except ValueError:
        value = DEFAULT_TIMEOUT
    return value if value > 0 else DEFAULT_TIMEOUT


def convert_to_docx(data: bytes, name: str, fmt: str) -> Converted:
    """Convert `data` (a `fmt` file: doc, wps, rtf, odt) into DOCX bytes (see module doc)."""
    soffice = find_soffice(name)
    limit = timeout()
    work = Path(tempfile.mkdtemp(prefix="policy-office-"))
    try:
        profile, tmp, out = work / "profile", work / "tmp", work / "out"
        for folder in (profile, tmp, out):
            folder.mkdir()
        source = work / f"input.{fmt}"
        source.write_bytes(data)
        env = {**os.environ, "TMPDIR": str(tmp), "HOME": str(tmp)}
        command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible",
                   "--nologo", "--norestore", "--nolockcheck", "--nodefault",
                   "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(source)]
        code, errors = _run(command, env, str(work), limit, name)
        target = out / "input.docx"
        if code < 0:
            raise InputError(f"LibreOffice crashed converting the {fmt} file (signal {-code})", name)
        if not target.is_file() or target.stat().st_size == 0:
            detail = f"exit code {code}" + (f": {errors}" if errors else "")
            raise InputError(f"LibreOffice could not convert the {fmt} file ({detail})", name)
        if target.stat().st_size > MAX_BYTES:
            raise InputError(f"converted DOCX larger than {MAX_BYTES // (1024 * 1024)} MB", name)
        docx = target.read_bytes()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return Converted(docx, "LibreOffice", _version(docx, name))


def _run(command: list[str], env: dict, cwd: str, limit: float, name: str) -> tuple[int, str]:
    """Run the converter in its own process group; kill the group on time-out and after it exits."""
    try:
        proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env=env, cwd=cwd, start_new_session=True)
    except OSError as exc:
        raise InputError(f"cannot start LibreOffice ({exc.strerror or exc}); {INSTALL_HINT}", name) from None
    try:
        _, stderr = proc.communicate(timeout=limit)
    except subprocess.TimeoutExpired:
        _kill_group(proc.pid)
        proc.communicate()
        raise InputError(f"LibreOffice took longer than {limit:g} s converting the file; killed", name) from None
    finally:
        _kill_group(proc.pid)  # helpers soffice forked (oosplash, soffice.bin) never outlive the call
    return proc.returncode, _last_line(stderr)


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _last_line(stderr: bytes) -> str:
    """The converter's last meaningful stderr line (LibreOffice's java warning is noise)."""
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines()
             if line.strip() and "javaldx" not in line]
    return lines[-1][:160] if lines else ""


def _version(docx: bytes, name: str) -> str | None:
    """LibreOffice's version as written in the DOCX it made (`docProps/app.xml`)."""
    try:
        xml = read_member(open_zip(docx, name), "docProps/app.xml", name)
    except InputError:
        return None
    if not xml:
        return None
    app = parse_xml(xml, name, "docProps/app.xml").find(_APP)
    m = _VERSION.search(app.text or "") if app is not None else None
    return m.group(1) if m else None
