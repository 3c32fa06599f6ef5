;;; emacs-client.el --- Emacs 28 + eglot 1.9 as an LSP client of the packed server, in batch mode.
;;   SERVER_BIN=... TASK_FILE=... emacs --batch -l emacs-client.el
;; Prints one line per observation (DIAG, CPUCOL, KEYS, ARNS, FIXED) for the test to check, then PASS.
(require 'package)
(package-initialize)                    ; activates Debian's elpa-eglot
(require 'eglot)
(require 'flymake)
(require 'json)
(require 'cl-lib)

(defvar client-server (getenv "SERVER_BIN"))
(defvar client-file (getenv "TASK_FILE"))
(defvar client-diagnostics nil "The last diagnostics the server published, as LSP sent them.")

(defun client-out (fmt &rest args) (princ (concat (apply #'format fmt args) "\n")))
(defun client-fail (fmt &rest args) (client-out "FAIL: %s" (apply #'format fmt args)) (kill-emacs 1))
(defun client-wait (pred secs)
  (let ((deadline (+ (float-time) secs)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall pred)))

;; Served to the server's workspace/configuration requests.
(setq-default eglot-workspace-configuration '((ecsTaskDef . (:aws (:region "eu-west-1")))))

(cl-defmethod eglot-handle-notification :before
  (_server (_method (eql textDocument/publishDiagnostics)) &key diagnostics &allow-other-keys)
  (setq client-diagnostics diagnostics))

(defun client-code-p (code)
  (cl-some (lambda (d) (equal (plist-get d :code) code)) client-diagnostics))

(defun client-goto (text offset)
  (goto-char (point-min))
  (search-forward text)
  (goto-char (+ (match-beginning 0) offset)))

(defun client-complete-texts ()
  "The completion items at point, through eglot's own request, as (LABEL . NEWTEXT)."
  (let* ((result (jsonrpc-request (eglot-current-server) :textDocument/completion
                                  (list :textDocument (eglot--TextDocumentIdentifier)
                                        :position (eglot--pos-to-lsp-position))))
         (items (if (vectorp result) result (plist-get result :items))))
    (mapcar (lambda (item)
              (cons (plist-get item :label)
                    (or (plist-get (plist-get item :textEdit) :newText) (plist-get item :label))))
            items)))

(condition-case err
    (progn
      (find-file client-file)
      (eglot (list major-mode) `(transient . ,default-directory) 'eglot-lsp-server
             (list client-server "--stdio") "json")
      (unless (client-wait (lambda () (eglot-current-server)) 15) (client-fail "no eglot server"))
      (unless (client-wait (lambda () (client-code-p "reference-not-found")) 20)
        (client-fail "no reference-not-found diagnostic: %S" client-diagnostics))
      (cl-loop for d across client-diagnostics
               do (let ((start (plist-get (plist-get d :range) :start)))
                    (client-out "DIAG %s %d %d" (plist-get d :code) (1+ (plist-get start :line)) (plist-get start :character))))
      ;; Where eglot put the type-mismatch in the buffer: a column in characters, after "😀".
      (unless (client-wait (lambda () (flymake-start) (flymake-diagnostics)) 10) (client-fail "no flymake diagnostics"))
      (dolist (d (flymake-diagnostics))
        (when (string-match-p "Task-level \"cpu\"" (flymake-diagnostic-text d))
          (save-excursion
            (goto-char (flymake-diagnostic-beg d))
            (client-out "CPUCOL %d %d" (line-number-at-pos) (- (point) (line-beginning-position))))))
      (client-goto "\"name\": \"app\"" 2)
      (client-out "KEYS %s" (mapconcat #'car (client-complete-texts) ","))
      (client-goto "\"valueFrom\": \"/prod/dbpass\"" 14)
      (client-out "ARNS %s" (mapconcat #'cdr (client-complete-texts) ","))
      (let* ((mismatch (cl-find-if (lambda (d) (equal (plist-get d :code) "type-mismatch")) client-diagnostics))
             (actions (jsonrpc-request (eglot-current-server) :textDocument/codeAction
                                       (list :textDocument (eglot--TextDocumentIdentifier)
                                             :range (plist-get mismatch :range)
                                             :context (list :diagnostics (vector mismatch)))))
             (fix (cl-find-if (lambda (a) (plist-get a :edit)) actions)))
        (unless fix (client-fail "no quick fix: %S" actions))
        (client-out "FIXTITLE %s" (plist-get fix :title))
        (eglot--apply-workspace-edit (plist-get fix :edit))
        (client-out "FIXED %s" (json-encode (buffer-substring-no-properties (point-min) (point-max)))))
      (eglot-shutdown (eglot-current-server))
      (client-out "PASS")
      (kill-emacs 0))
  (error (client-fail "%S" err)))
