"""StoreError: why the progress database cannot be used (locked, read-only, full, damaged, newer), in both languages
with the path and the way out. A damaged file is copied aside first (one copy per damaged content)."""
import os
import shutil

from examprep.common.errors import BilingualError


class StoreError(BilingualError):
    """The database cannot be used; .ja / .en say why and what to do."""

    def __init__(self, code, ja, en, path):
        super().__init__(ja, en)
        self.code = code
        self.path = str(path)



def classify(exc, path):
    text = str(exc).lower()
    damaged = "malformed" in text or "not a database" in text or "corrupt" in text
    if "locked" in text or "busy" in text:
        return StoreError("locked",
                          f"進捗データベース {path} が他のプロセスにロックされています。もう一方の examprep を終了して"
                          f"からやり直してください。",
                          f"The progress database {path} is locked by another process: close the other examprep "
                          f"and try again.", path)
    if isinstance(exc, OSError) and not damaged:
        return StoreError("unusable",
                          f"データフォルダ {os.path.dirname(path)} を使えません ({exc})。EXAMPREP_HOME などの設定を確認してください。",
                          f"Cannot use the data folder {os.path.dirname(path)} ({exc}): check EXAMPREP_HOME and its "
                          f"permissions.", path)
    if not damaged and ("readonly" in text or "read-only" in text or "permission" in text or "unable to open" in text):
        return StoreError("readonly",
                          f"進捗データベース {path} に書き込めません (読み取り専用または権限なし)。"
                          f"ファイルとフォルダの権限を確認するか、EXAMPREP_HOME で別の場所を指定してください。",
                          f"Cannot write the progress database {path} (read-only or no permission): check the "
                          f"permissions of the file and its folder, or point EXAMPREP_HOME elsewhere.", path)
    if not damaged and "full" in text:
        return StoreError("full", f"ディスクがいっぱいで {path} に保存できません。空きを作ってからやり直してください。",
                          f"The disk is full: cannot save to {path}. Free some space and try again.", path)
    backup = backup_damaged(path)
    where_ja = f"壊れたファイルのコピーを {backup} に保存しました。" if backup else ""
    where_en = f" A copy of the damaged file is at {backup}." if backup else ""
    return StoreError("corrupt",
                      f"進捗データベース {path} が壊れているため読めません ({exc})。{where_ja}"
                      f"エクスポートした履歴があれば、このファイルを別の場所へ移してから examprep import で戻せます。"
                      f"examprep が自動で消去することはありません。",
                      f"The progress database {path} is damaged and cannot be read ({exc}).{where_en} Move the "
                      f"file aside to start a new history (examprep import restores an export); examprep never "
                      f"deletes it by itself.", path)


def backup_damaged(path):
    try:
        if not os.path.exists(path):
            return None
        import hashlib

        with open(path, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()[:12]
        target = f"{path}.damaged-{digest}"  # one copy per damaged content, however often it is opened
        if not os.path.exists(target):
            shutil.copy2(path, target)
        return target
    except OSError:
        return None
