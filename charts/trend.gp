# trend.gp — one group's representation ratio in each consultation, by
# closing date, with its interval, the fitted trend, parity (1) and the
# target a review asks of every group (target, 0.8: the four-fifths line).
# The trend is a straight line in the log of the ratio, drawn on the ratio
# scale: exp(a + b (year - first)) from the first year fitted to the last.
#
# reach writes the script: the file names (data, output, term), then its
# definitions (rows, a, b, first, last, x0, x1, target; the arrays shape,
# colour, word and shown, indexed by reading; top, the axis end; standalone,
# title, subtitle and footnote for a chart file standing alone), then this
# template. Every string is reach's own or quoted by it; all text is literal.
# Data: tab-separated, one row per consultation shown (withheld counts are
# never written): year  ratio  lower  upper  reading (1 to 9)  clipped (1: upper past top)
# Conventions (README "Charts"): each point's marker and colour by its reading,
# as in the ratio chart; black lines for what it is read against (parity
# dashed, the target dotted, the fitted trend solid); the key sits above the
# plot, never on a point; an interval past the axis ends in an arrow with its value.
head = standalone ? 56.0 : 8.0
entries = 3
do for [r=1:9] { entries = entries + shown[r] }
keyrows = int(ceil(entries / 2.0))
height = head + 18 * keyrows + 330 + (standalone ? 40 : 0)
if (term eq "svg") set terminal svg size 760, height dynamic noenhanced font "sans,12" background "#FFFFFF"
if (term eq "png") set terminal pngcairo size 760, height noenhanced font "sans,11" background "#FFFFFF"
set termoption noenhanced
set output output
set datafile separator "\t"
set border 3
set tics nomirror
set xrange [x0 - 0.5:x1 + 0.5]
set yrange [0:top]
set xlabel "closing date (year)"
set ylabel "representation ratio"
set key at screen 0.01, screen 1 - head / height left top Left reverse vertical maxrows keyrows samplen 3 width 2
set tmargin at screen 1 - (head + 18 * keyrows + 10) / height
if (standalone) set label 98 title . "\n" . subtitle at screen 0.5, screen 1 - 6.0 / height center front font ",13" \
    offset 0, -1; set label 99 footnote at screen 0.01, screen 22.0 / height left font ",9"; \
    set bmargin at screen 96.0 / height
set grid ytics lc rgb "#DDDDDD"
set arrow 1 from graph 0, first 1 to graph 1, first 1 nohead lw 2 lc rgb reference_colour dt 2
set arrow 2 from graph 0, first target to graph 1, first target nohead lw 2 lc rgb reference_colour dt 3
set samples 200
fit_curve(x) = (x >= first && x <= last) ? exp(a + b * (x - first)) : 1/0
plot for [r=1:9] data using ($5 == r && $6 == 0 ? $1 : NaN):2:3:4 with yerrorbars lw 2 pt shape[r] ps 1.4 \
         lc rgb colour[r] title (shown[r] ? word[r] : ''), \
     for [r=1:9] data using ($5 == r && $6 == 1 ? $1 : NaN):3:(0):(top - $3) with vectors head filled size char 0.8,20 \
         lw 2 lc rgb colour[r] notitle, \
     for [r=1:9] data using ($5 == r && $6 == 1 ? $1 : NaN):2 with points pt shape[r] ps 1.4 lc rgb colour[r] notitle, \
     data using 1:($6 == 1 ? top : -top):($6 == 1 ? sprintf("interval to %.2f", $4) : "") with labels rotate by 90 \
         right offset -0.9, -0.3 notitle, \
     (b == b ? fit_curve(x) : 1/0) with lines lw 2 lc rgb reference_colour title "fitted trend", \
     keyentry with lines dt 2 lw 2 lc rgb reference_colour title "parity (ratio 1)", \
     keyentry with lines dt 3 lw 2 lc rgb reference_colour title sprintf("review target (ratio %g)", target)
