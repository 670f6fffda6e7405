"quoted" NEAR(a b) OR * ^x
引号"的讲话
"quoted" OR NEAR
