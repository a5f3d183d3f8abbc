! auc_serial.f90: jhpc's Fortran peer of the tutorial's serial area-under-the-curve loop (x += dx, one serial
! sum), in double precision throughout. (The slides' Fortran writes 3.0 and 0.7, default-kind REAL literals, so
! its dx and coefficient carry single-precision errors: it printed 8.17499988538687.)
! Build: gfortran -O3 -march=native -o auc_serial_f90 auc_serial.f90     Usage: auc_serial_f90 NTOT
program auc_serial
  implicit none
  integer, parameter :: dp = kind(1.0d0)
  integer(8) :: i, ntot, c0, c1, rate
  integer :: ios
  character(64) :: arg
  real(dp) :: dx, x, y, a, u0, u1
  call get_command_argument(1, arg)
  read (arg, *, iostat=ios) ntot
  if (ios /= 0 .or. ntot < 1) then
    write (0, '(a)') "auc_serial_f90: NTOT must be a positive integer, got '" // trim(arg) // "'"
    stop 2
  end if
  call cpu_time(u0)
  call system_clock(c0, rate)
  dx = 3.0_dp / ntot
  x = 0.0_dp
  a = 0.0_dp
  do i = 1, ntot
    y = 0.7_dp * x * x * x - 2 * x * x + 4
    a = a + y * dx
    x = x + dx
  end do
  call system_clock(c1)
  call cpu_time(u1)
  write (*, '(a, es24.17)') "The area is ", a
  write (0, '(a, f0.9)') "cpu_seconds=", u1 - u0
  write (0, '(a, f0.9)') "compute_seconds=", real(c1 - c0, dp) / rate
end program auc_serial
