" After the README's vimrc has set up `capsule check --stdin` as an ALE linter: open the file
" $CAPSULE_FILES names, append $CAPSULE_APPEND to the buffer without saving it, lint, wait for
" ALE's findings, and write the location list entries of the buffer as JSON to $CAPSULE_OUT.
execute 'edit ' . fnameescape($CAPSULE_FILES)
call append(line('$'), split($CAPSULE_APPEND, "\n"))
ALELint
let s:waited = 0
while empty(filter(copy(ale#engine#GetLoclist(bufnr(''))), {_, item -> item.linter_name ==# 'capsule_check'})) && s:waited < 200
  sleep 100m
  let s:waited += 1
endwhile
let s:items = map(copy(ale#engine#GetLoclist(bufnr(''))), {_, item -> {'linter': item.linter_name, 'lnum': item.lnum, 'col': item.col, 'type': item.type, 'code': get(item, 'code', ''), 'text': item.text}})
call writefile([json_encode(s:items), string(&modified)], $CAPSULE_OUT)
qall!
