# progress.gp — a consultation followed while it is open: each group's
# representation ratio on the responses so far (cumulative), at the end of
# each week since opening, with parity (1), the target line (target, 0.8:
# the four-fifths line) and the closing date.
#
# reach runs: gnuplot -e "data='FILE'; output='FILE'; term='svg'; rows=N; top=X; series=S; close=WEEKS; right=WEEKS; target=0.8" progress.gp
# Every value is set by reach itself: numbers, and file names it made.
# Data: tab-separated; a first row naming the columns (weeks, then each
# group's code), then one row per day of the series: weeks since opening,
# then each group's ratio, "?" where none is drawn (withheld, or no answers).
if (term eq "svg") set terminal svg size 760, 400 dynamic font "sans,12"
if (term eq "png") set terminal pngcairo size 760, 400 font "sans,11"
set output output
set datafile separator "\t"
set datafile missing "?"
set border 3
set tics nomirror
set xrange [0:right]
set yrange [0:top]
set xlabel "weeks since the consultation opened"
set ylabel "representation ratio so far"
set key outside right top
set grid ytics lc rgb "#dddddd"
# Okabe-Ito colours, with dashes as well, so that no line is told by colour alone.
set linetype 1 lc rgb "#0072B2" dt 1
set linetype 2 lc rgb "#E69F00" dt 2
set linetype 3 lc rgb "#009E73" dt 3
set linetype 4 lc rgb "#CC79A7" dt 4
set linetype 5 lc rgb "#56B4E9" dt 5
set linetype 6 lc rgb "#D55E00" dt 1
set linetype 7 lc rgb "#000000" dt 2
set linetype 8 lc rgb "#F0E442" dt 3
set linetype cycle 8
set arrow 1 from graph 0, first 1 to graph 1, first 1 nohead lw 2 lc rgb "#000000" dt 2
set arrow 2 from graph 0, first target to graph 1, first target nohead lw 1 lc rgb "#D55E00" dt 3
set label 1 "parity" at graph 0.01, first 1 offset 0, 0.6
set label 2 sprintf("%g", target) at graph 0.01, first target offset 0, -0.8 tc rgb "#D55E00"
if (close > 0) set arrow 3 from first close, graph 0 to first close, graph 1 nohead lw 1 lc rgb "#555555" dt 4
if (close > 0) set label 3 "closes" at first close, graph 0.98 right offset -0.5, 0
plot for [i=2:series+1] data using 1:i with linespoints lw 2 pt 7 ps 0.8 title columnheader(i)
