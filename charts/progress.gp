# progress.gp — a consultation followed while it is open: each group's
# representation ratio on the responses so far (cumulative), at the end of
# each week since opening, with parity (1), the review target (target, 0.8:
# the four-fifths line) and the closing date.
#
# reach writes the script: the file names (data, output, term), then its
# definitions (rows, series, close, right, target; respondents_colour,
# reference_colour; top, the axis end; label_width; standalone, title,
# subtitle and footnote for a chart file standing alone), then this
# template. Every string is reach's own or quoted by it; all text is literal.
# Data: tab-separated; a first row naming the columns (weeks, then each
# group's label), then one row per day of the series: weeks since opening,
# then each group's ratio, "?" where none is drawn (withheld, or no answers).
# Conventions (README "Charts"): every group's line in the respondents'
# colour, told apart by its marker and dashes and named in the key, so that
# the chart reads without colour; black for what it is read against (parity
# dashed, the target dotted, the closing date dash-dotted); the key above
# the plot, never on a point.
head = standalone ? 56.0 : 8.0
entries = series + 3
keyrows = label_width > 30 ? entries : int(ceil(entries / 2.0))   # long labels: one column, none cut
height = head + 18 * keyrows + 330 + (standalone ? 40 : 0)
if (term eq "svg") set terminal svg size 760, height dynamic noenhanced font "sans,12" background "#FFFFFF"
if (term eq "png") set terminal pngcairo size 760, height noenhanced font "sans,11" background "#FFFFFF"
set termoption noenhanced
set output output
set datafile separator "\t"
set datafile missing "?"
set border 3
set tics nomirror
set xrange [0:right]
set yrange [0:top]
set xlabel "weeks since the consultation opened"
set ylabel "representation ratio so far"
set key at screen 0.01, screen 1 - head / height left top Left reverse vertical maxrows keyrows samplen 4 width 2
set tmargin at screen 1 - (head + 18 * keyrows + 10) / height
if (standalone) set label 98 title . "\n" . subtitle at screen 0.5, screen 1 - 6.0 / height center front font ",13" \
    offset 0, -1; set label 99 footnote at screen 0.01, screen 22.0 / height left font ",9"; \
    set bmargin at screen 96.0 / height
set grid ytics lc rgb "#DDDDDD"
set arrow 1 from graph 0, first 1 to graph 1, first 1 nohead lw 2 lc rgb reference_colour dt 2
set arrow 2 from graph 0, first target to graph 1, first target nohead lw 2 lc rgb reference_colour dt 3
if (close > 0) set arrow 3 from first close, graph 0 to first close, graph 1 nohead lw 2 lc rgb reference_colour dt 4
# Markers that differ in shape and fill (gnuplot's point types), then dashes, cycling.
array marks[10] = [5, 7, 9, 11, 13, 4, 6, 8, 10, 12]
plot for [i=2:series+1] data using 1:i with linespoints lw 2 dt 1 + int((i - 2) / 10) % 5 \
         pt (marks[(i - 2) % 10 + 1]) ps 1.2 lc rgb respondents_colour title columnheader(i), \
     keyentry with lines dt 2 lw 2 lc rgb reference_colour title "parity (ratio 1)", \
     keyentry with lines dt 3 lw 2 lc rgb reference_colour title sprintf("review target (ratio %g)", target), \
     keyentry with lines dt 4 lw 2 lc rgb reference_colour title (close > 0 ? "closing date" : "")
