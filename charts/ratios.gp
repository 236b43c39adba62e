# ratios.gp — the representation ratio of each category of one dimension,
# with its confidence interval, against the parity line at 1.
#
# reach writes the script: the file names (data, output, term), then its
# definitions (rows; the arrays shape, colour, word and shown, indexed by
# reading; top, the axis end; label_width, the longest label; standalone,
# title, subtitle and footnote for a chart file standing alone), then this
# template. Every string is reach's own or quoted by it; category labels are
# read from the data file as data, never as code, and all text is literal
# (noenhanced: an underscore is an underscore).
# Data: tab-separated, one row per category:
#   label  ratio  lower  upper  reading (1 to 9, words.h's order)  clipped (1: upper past top)
# Conventions (README "Charts"): a marker shape for every reading, a colour for
# its evidence (below 1, includes 1, above 1, too few), each at least 3:1
# against white; an interval running past the axis ends in an arrow with its value.
head = standalone ? 56.0 : 8.0
entries = 1
do for [r=1:9] { entries = entries + shown[r] }
keyrows = entries <= 3 ? entries : int(ceil(entries / 3.0))
width = 760 + (label_width > 16 ? 8 * (label_width - 16) : 0)
height = head + 18 * keyrows + 70 + 26 * rows + (standalone ? 40 : 0)
if (term eq "svg") set terminal svg size width, height dynamic noenhanced font "sans,12" background "#FFFFFF"
if (term eq "png") set terminal pngcairo size width, height noenhanced font "sans,11" background "#FFFFFF"
set termoption noenhanced
set output output
set datafile separator "\t"
set border 3
set tics nomirror
set key at screen 0.01, screen 1 - head / height left top Left reverse vertical maxrows keyrows samplen 3 width 2
set tmargin at screen 1 - (head + 18 * keyrows + 10) / height
if (standalone) set label 98 title . "\n" . subtitle at screen 0.5, screen 1 - 6.0 / height center front font ",13" \
    offset 0, -1; set label 99 footnote at screen 0.01, screen 22.0 / height left font ",9"; \
    set bmargin at screen 96.0 / height
set xrange [0:top]
set yrange [rows - 0.5:-0.5]
set xlabel "representation ratio (share of respondents / share of residents)"
set grid xtics lc rgb "#DDDDDD"
set arrow 1 from 1, graph 0 to 1, graph 1 nohead lw 2 lc rgb reference_colour dt 2
# A row not clipped puts its (empty) label off the axis, not at NaN: gnuplot 5.4 crashes on a
# labels plot whose one row is NaN (a dimension with one category shown).
plot data using (NaN):0:ytic(1) notitle, \
     for [r=1:9] data using ($5 == r && $6 == 0 ? $2 : NaN):0:3:4 with xerrorbars lw 2 pt shape[r] ps 1.4 \
         lc rgb colour[r] title (shown[r] ? word[r] : ''), \
     for [r=1:9] data using ($5 == r && $6 == 1 ? $3 : NaN):0:(top - $3):(0) with vectors head filled size char 0.8,20 \
         lw 2 lc rgb colour[r] notitle, \
     for [r=1:9] data using ($5 == r && $6 == 1 ? $2 : NaN):0 with points pt shape[r] ps 1.4 lc rgb colour[r] notitle, \
     data using ($6 == 1 ? top : -top):0:($6 == 1 ? sprintf("interval to %.2f", $4) : "") with labels right offset -1, 0.8 notitle, \
     keyentry with lines dt 2 lw 2 lc rgb reference_colour title "parity (ratio 1)"
