"""The HTML report's style sheet and script, inline in the page (no network).

The script filters the cards by change kind (`#hide=renumbered` in the address unticks a
kind), shows only cards touching money on request, keeps minor cards (only renumbered, only
formatting) hidden until asked, hides a chapter's heading when none of its cards shows, and
reveals a card a link points to even when a filter hid it.
"""

CSS = """
*{box-sizing:border-box}
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;
 margin:0;color:#1a1a1a;line-height:1.65;display:grid;grid-template-columns:16em minmax(0,1fr)}
nav.side{position:sticky;top:0;height:100vh;overflow:auto;background:#f5f3ee;border-right:1px solid #d8d2c4;
 padding:1em .8em;font-size:.88em}
nav.side h2{font-size:1em;margin:0 0 .5em}nav.side ul{list-style:none;margin:0;padding:0}
nav.side li{margin:.15em 0}nav.side li.sub{padding-left:1em}nav.side a{color:#2b4a7a;text-decoration:none}
nav.side a:hover{text-decoration:underline}nav.side .n{color:#777;font-size:.85em;margin-left:.3em}
nav.side li.empty a{color:#aaa}
main{max-width:1100px;padding:1em 2em 3em}
h1{font-size:1.55em;margin:.3em 0 .4em}h2{font-size:1.25em;border-bottom:2px solid #444;margin-top:1.6em}
h3.group{font-size:1.08em;margin:1.4em 0 .4em;padding:.2em .5em;background:#eef1f6;border-left:4px solid #2b4a7a}
h4{font-size:1em;margin:0 0 .4em}
ol.docs{margin:.3em 0;padding-left:1.5em}ol.docs .file{color:#666;font-size:.85em}
p.warning{background:#fff4d6;border:1px solid #e0b84a;padding:.5em .8em;font-weight:bold}
table{border-collapse:collapse;margin:.4em 0 1em;font-size:.92em}
th,td{border:1px solid #aaa;padding:.25em .6em;vertical-align:top}th{background:#f0f0f0}
table.counts td{text-align:right}table.counts td:first-child{text-align:left}
table.glance{width:100%}table.glance caption{text-align:left;font-weight:bold;padding:.2em 0}
table.glance .clause{width:24%}table.glance .old,table.glance .new{width:22%}
table.glance .nature,table.glance .what{width:6em;white-space:nowrap}
table.glance td.old{color:#8a1010}table.glance td.new{color:#0b5d0b}
ul.glance{margin:.2em 0 1em}
.filters{position:sticky;top:0;background:#f4f4f4;border:1px solid #ccc;padding:.4em .8em;margin:1em 0;z-index:1}
.filters label{margin-right:1em;white-space:nowrap}.filters .minor-note{margin-left:.5em;color:#444}
.change{border:1px solid #bbb;border-left:6px solid #888;margin:.8em 0;padding:.6em .8em;break-inside:avoid}
.change.modified{border-left-color:#c68a00}.change.added{border-left-color:#2a7d2a}
.change.deleted{border-left-color:#b22}.change.split,.change.merged{border-left-color:#6a3d9a}
.change:target{outline:3px solid #2b4a7a}
.tag{display:inline-block;font-size:.75em;border:1px solid #666;border-radius:3px;padding:0 .3em;margin-left:.3em;
 font-weight:normal}
h4 .title{font-weight:bold;margin-left:.4em}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:1em}
.sides>div{background:#fafafa;padding:.3em .6em;min-height:1.5em;white-space:pre-line}
.sides h5{margin:0;font-size:.8em;color:#555}.sides.one{grid-template-columns:1fr}
p.items{margin:.4em 0 0;font-size:.9em;color:#444}
ins{background:#d4f7d4;color:#0b5d0b;text-decoration:underline}
del{background:#fbd5d5;color:#8a1010;text-decoration:line-through}
ul.fields{margin:.4em 0 0;font-size:.92em}
.nochange{font-style:italic}
.change.item{margin:-.5em 0 .8em 2em;padding:.1em .8em;font-size:.9em}p.item{margin:0}
p.same{margin:0;font-size:.85em;color:#444;max-height:3.3em;overflow:hidden}.note{font-style:italic}
.hidden{display:none}
@media (max-width:900px){body{display:block}nav.side{position:static;height:auto}}
@media print{nav.side,.filters{display:none}body{display:block}main{max-width:none;padding:0;font-size:10.5pt}
 p.same{max-height:none}.change{border-left-width:3px}ins,del{background:none}h2,h3.group{break-after:avoid}
 table.glance{break-inside:auto}tr{break-inside:avoid}a{color:inherit;text-decoration:none}}
"""

JS = """
(function(){
var boxes=[].slice.call(document.querySelectorAll('.filters input[data-kind]'));
var moneyOnly=document.getElementById('money-only'),showMinor=document.getElementById('show-minor');
var hide=(location.hash.match(/^#hide=([a-z,]+)$/)||[,''])[1].split(',');
boxes.forEach(function(b){if(hide.indexOf(b.value)>=0){b.checked=false;}b.addEventListener('change',apply);});
moneyOnly.addEventListener('change',apply);showMinor.addEventListener('change',apply);
function apply(){
  var on={};boxes.forEach(function(b){on[b.value]=b.checked;});
  document.querySelectorAll('.change').forEach(function(el){
    var show=el.dataset.kinds.split(' ').some(function(k){return on[k];});
    if(el.classList.contains('minor')&&!showMinor.checked){show=false;}
    if(moneyOnly.checked&&!el.dataset.money){show=false;}
    el.classList.toggle('hidden',!show);});
  document.querySelectorAll('section.group').forEach(function(g){
    var empty=!g.querySelector('.change:not(.hidden)');g.classList.toggle('hidden',empty);
    var link=document.querySelector('nav.side a[href="#'+g.id+'"]');
    if(link){link.parentNode.classList.toggle('empty',empty);}});
}
function reveal(){
  var id=decodeURIComponent(location.hash.slice(1)),el=id&&document.getElementById(id);
  if(!el){return;}
  for(var p=el;p&&p!==document.body;p=p.parentNode){if(p.classList){p.classList.remove('hidden');}}
  el.scrollIntoView();
}
window.addEventListener('hashchange',reveal);
apply();reveal();
})();
"""
