# trend.gp — one group's representation ratio in each consultation, by
# closing date, with its interval, the fitted trend, parity (1) and the
# target a review asks of every group (target, 0.8: the four-fifths line).
#
# reach runs: gnuplot -e "data='FILE'; output='FILE'; term='svg'; rows=N; top=X; a=INTERCEPT; b=SLOPE; x0=YEAR; x1=YEAR; target=0.8" trend.gp
# Every value is set by reach itself: numbers, and file names it made.
# Data: tab-separated, one row per consultation: year  ratio  lower  upper
if (term eq "svg") set terminal svg size 760, 360 dynamic font "sans,12"
if (term eq "png") set terminal pngcairo size 760, 360 font "sans,11"
set output output
set datafile separator "\t"
set border 3
set tics nomirror
set xrange [x0 - 0.5:x1 + 0.5]
set yrange [0:top]
set xlabel "closing date (year)"
set ylabel "representation ratio"
set key bottom right
set grid ytics lc rgb "#dddddd"
set arrow 1 from graph 0, first 1 to graph 1, first 1 nohead lw 2 lc rgb "#000000" dt 2
set arrow 2 from graph 0, first target to graph 1, first target nohead lw 1 lc rgb "#D55E00" dt 3
set label 1 "parity" at graph 0.01, first 1 offset 0, 0.6
set label 2 sprintf("%g", target) at graph 0.01, first target offset 0, -0.8 tc rgb "#D55E00"
fit_line(x) = a + b * x
plot data using 1:2:3:4 with yerrorbars lw 2 pt 7 ps 1.2 lc rgb "#0072B2" title "ratio in each consultation", \
     (b == b ? fit_line(x) : 1/0) with lines lw 2 lc rgb "#009E73" title "weighted trend"
