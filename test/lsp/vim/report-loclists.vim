" After the README's vimrc has registered `capsule lsp` with ALE: open each file $CAPSULE_FILES
" names (one a line), wait for ALE's findings of it, and write the location list entries
" ALE holds for each file, by file, as JSON to $CAPSULE_OUT.
let s:report = {}
let s:linted = 0
autocmd User ALELintPost let s:linted += 1
for s:file in split($CAPSULE_FILES, "\n")
  execute 'edit ' . fnameescape(s:file)
  let s:waited = 0
  while empty(ale#engine#GetLoclist(bufnr(''))) && s:waited < 200
    sleep 100m
    let s:waited += 1
  endwhile
  let s:report[s:file] = map(copy(ale#engine#GetLoclist(bufnr(''))), {_, item -> {'linter': item.linter_name, 'lnum': item.lnum, 'col': item.col, 'type': item.type, 'code': get(item, 'code', ''), 'text': item.text}})
endfor
call writefile([json_encode(s:report)], $CAPSULE_OUT)
qall!
